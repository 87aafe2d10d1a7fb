package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.ElementwiseF32;

/**
 * {@code y = 1 / (1 + e^-x)}. Derivative: y (1 - y). A primitive rather than a composition because
 * the composed backward computes inf * 0 = NaN for x &lt; -709. PyTorch: {@code torch.sigmoid}.
 */
public final class Sigmoid {
    private Sigmoid() {
    }

    /** Records {@code sigmoid(x)}. */
    public static Tensor apply(Tensor x) {
        if (x.dtype() == DType.FLOAT32) {
            return float32(x);
        }
        double[] in = x.buffer();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = logistic(in[i]);
        }
        int[] shape = x.shape();
        return Tensor.fromOp("sigmoid", out, shape, grad -> {
            double[] g = grad.buffer();
            double[] dx = new double[out.length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = g[i] * out[i] * (1 - out[i]);
            }
            return Operands.single(dx, shape);
        }, x);
    }

    /** Evaluated on the side where e^(-|x|) cannot overflow. */
    private static double logistic(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    private static Tensor float32(Tensor x) {
        float[] in = x.floatBuffer();
        float[] out = new float[in.length];
        ElementwiseF32.sigmoid(in, 0, out, 0, in.length);
        int[] shape = x.shape();
        return Tensor.fromOp("sigmoid", out, shape, grad -> {
            float[] dx = new float[out.length];
            ElementwiseF32.sigmoidBackward(grad.floatBuffer(), 0, out, 0, dx, 0, dx.length);
            return Operands.single(dx, shape);
        }, x);
    }
}
