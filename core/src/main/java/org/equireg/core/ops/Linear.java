package org.equireg.core.ops;

import java.util.Arrays;
import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.BroadcastF32;
import org.equireg.core.kernels.Elementwise;
import org.equireg.core.kernels.Gemm;
import org.equireg.core.kernels.GemmF32;

/**
 * The affine map of a dense layer, {@code y = x W^T + b} over the last axis: input (..., in), weight
 * (out, in), optional bias (out), output (..., out). One matrix product with W read transposed in place,
 * each output element one fma chain started from its bias. Derivatives, with the input flattened to
 * (rows, in) and G the (rows, out) output gradient: {@code dX = G W}, {@code dW = G^T X},
 * {@code db = sum over rows of G}. PyTorch: {@code torch.nn.functional.linear}.
 */
public final class Linear {
    private Linear() {
    }

    /** Records {@code x W^T + b}; {@code bias} may be null. */
    public static Tensor apply(Tensor x, Tensor weight, Tensor bias) {
        validate(x, weight, bias);
        int[] xs = x.shape();
        int outFeatures = weight.dim(0);
        int inFeatures = weight.dim(1);
        int rows = Shapes.size(Arrays.copyOf(xs, xs.length - 1));
        if (Operands.sameType("linear", x, weight, bias) == DType.FLOAT32) {
            return float32(x, weight, bias, rows);
        }
        double[] in = x.buffer();
        double[] w = weight.buffer();
        double[] out = new double[rows * outFeatures];
        if (bias != null) {
            double[] b = bias.buffer();
            for (int row = 0; row < rows; row++) {
                System.arraycopy(b, 0, out, row * outFeatures, outFeatures);
            }
        }
        Gemm.gemm(false, true, rows, outFeatures, inFeatures, in, 0, w, 0, out, 0, bias != null);
        int[] outShape = xs.clone();
        outShape[xs.length - 1] = outFeatures;
        Tensor[] inputs = bias == null ? new Tensor[] {x, weight} : new Tensor[] {x, weight, bias};
        return Tensor.fromOp("linear", out, outShape, grad -> {
            double[] g = grad.buffer();
            Tensor[] grads = new Tensor[inputs.length];
            if (x.requiresGrad()) {
                double[] dx = new double[in.length];
                Gemm.gemm(false, false, rows, inFeatures, outFeatures, g, 0, w, 0, dx, 0, false);
                grads[0] = Tensor.wrap(dx, xs);
            }
            if (weight.requiresGrad()) {
                double[] dw = new double[w.length];
                Gemm.gemm(true, false, outFeatures, inFeatures, rows, g, 0, in, 0, dw, 0, false);
                grads[1] = Tensor.wrap(dw, weight.shape());
            }
            if (bias != null && bias.requiresGrad()) {
                grads[2] = Tensor.wrap(columnSums(g, rows, outFeatures), bias.shape());
            }
            return grads;
        }, inputs);
    }

    private static Tensor float32(Tensor x, Tensor weight, Tensor bias, int rows) {
        int[] xs = x.shape();
        int outFeatures = weight.dim(0);
        int inFeatures = weight.dim(1);
        float[] in = x.floatBuffer();
        float[] w = weight.floatBuffer();
        float[] out = new float[rows * outFeatures];
        if (bias != null) {
            float[] b = bias.floatBuffer();
            for (int row = 0; row < rows; row++) {
                System.arraycopy(b, 0, out, row * outFeatures, outFeatures);
            }
        }
        GemmF32.gemm(false, true, rows, outFeatures, inFeatures, in, 0, w, 0, out, 0, bias != null);
        int[] outShape = xs.clone();
        outShape[xs.length - 1] = outFeatures;
        Tensor[] inputs = bias == null ? new Tensor[] {x, weight} : new Tensor[] {x, weight, bias};
        return Tensor.fromOp("linear", out, outShape, grad -> {
            float[] g = grad.floatBuffer();
            Tensor[] grads = new Tensor[inputs.length];
            if (x.requiresGrad()) {
                float[] dx = new float[in.length];
                GemmF32.gemm(false, false, rows, inFeatures, outFeatures, g, 0, w, 0, dx, 0, false);
                grads[0] = Tensor.wrap(dx, xs);
            }
            if (weight.requiresGrad()) {
                float[] dw = new float[w.length];
                GemmF32.gemm(true, false, outFeatures, inFeatures, rows, g, 0, in, 0, dw, 0, false);
                grads[1] = Tensor.wrap(dw, weight.shape());
            }
            if (bias != null && bias.requiresGrad()) {
                grads[2] = Tensor.wrap(BroadcastF32.sumTo(g, new int[] {rows, outFeatures}, new int[] {outFeatures}),
                        bias.shape());
            }
            return grads;
        }, inputs);
    }

    /** Sums of the columns of a (rows, columns) matrix, adding rows 0, 1, ... in order. */
    private static double[] columnSums(double[] matrix, int rows, int columns) {
        double[] sums = new double[columns];
        for (int row = 0; row < rows; row++) {
            Elementwise.addInPlace(sums, 0, matrix, row * columns, columns);
        }
        return sums;
    }

    private static void validate(Tensor x, Tensor weight, Tensor bias) {
        if (weight == null) {
            throw new IllegalArgumentException("linear: weight is null");
        }
        if (x.rank() < 1 || weight.rank() != 2) {
            throw new IllegalArgumentException("linear: needs input (..., in) and weight (out, in), got input "
                    + Shapes.str(x.shape()) + " and weight " + Shapes.str(weight.shape()));
        }
        int inFeatures = weight.dim(1);
        if (x.dim(x.rank() - 1) != inFeatures) {
            throw new IllegalArgumentException("linear: input " + Shapes.str(x.shape()) + " has " + x.dim(x.rank() - 1)
                    + " features, weight " + Shapes.str(weight.shape()) + " expects " + inFeatures);
        }
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != weight.dim(0))) {
            throw new IllegalArgumentException("linear: bias " + Shapes.str(bias.shape()) + " should be ["
                    + weight.dim(0) + "] for weight " + Shapes.str(weight.shape()));
        }
    }
}
