package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.ConvGeometry;
import org.equireg.core.kernels.Convolution;
import org.equireg.core.kernels.ConvolutionF32;

/**
 * 2-D cross-correlation: {@code out[n, o] = b[o] + sum over c, ky, kx of W[o, c, ky, kx] x[n, c, ...]}.
 * Derivatives: {@code dW[g] = sum over n of G[n, g] cols(x[n, g])^T} (cols: the unfolded patches),
 * {@code dx} the adjoint of the forward map (at stride 1 a correlation of G with the flipped kernel,
 * otherwise {@code col2im(W[g]^T G[n, g])}), {@code db = sum over n, y, x of G}. The kernels are in
 * {@link Convolution}.
 * PyTorch: {@code torch.nn.functional.conv2d}.
 */
public final class Conv2d {
    private Conv2d() {
    }

    /**
     * Records the convolution of {@code x} (N, C, H, W) with {@code weight} (O, C / groups, kH, kW)
     * and optional {@code bias} (O).
     */
    public static Tensor apply(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        int[] xs = x.shape();
        int[] ws = weight.shape();
        ConvGeometry g = validate(xs, ws, bias, stride, padding, dilation, groups);
        int outChannels = ws[0];
        if (Operands.sameType("conv2d", x, weight, bias) == DType.FLOAT32) {
            return float32(x, weight, bias, g, groups);
        }
        double[] in = x.buffer();
        double[] w = weight.buffer();
        double[] out = new double[g.batch() * outChannels * g.outHeight() * g.outWidth()];
        Convolution.forward(in, w, bias == null ? null : bias.buffer(), g, outChannels, groups, out);
        int[] outShape = {g.batch(), outChannels, g.outHeight(), g.outWidth()};
        Tensor[] inputs = bias == null ? new Tensor[] {x, weight} : new Tensor[] {x, weight, bias};
        return Tensor.fromOp("conv2d", out, outShape, grad -> {
            double[] gradOut = grad.buffer();
            Tensor[] grads = new Tensor[inputs.length];
            if (x.requiresGrad()) {
                double[] dx = new double[in.length];
                Convolution.backwardInput(gradOut, w, g, outChannels, groups, dx);
                grads[0] = Tensor.wrap(dx, xs);
            }
            if (weight.requiresGrad()) {
                double[] dw = new double[w.length];
                Convolution.backwardWeight(gradOut, in, g, outChannels, groups, dw);
                grads[1] = Tensor.wrap(dw, ws);
            }
            if (bias != null && bias.requiresGrad()) {
                double[] db = new double[outChannels];
                Convolution.backwardBias(gradOut, g.batch(), outChannels, g.outHeight() * g.outWidth(), db);
                grads[2] = Tensor.wrap(db, new int[] {outChannels});
            }
            return grads;
        }, inputs);
    }

    private static Tensor float32(Tensor x, Tensor weight, Tensor bias, ConvGeometry g, int groups) {
        int[] xs = x.shape();
        int[] ws = weight.shape();
        int outChannels = ws[0];
        float[] in = x.floatBuffer();
        float[] w = weight.floatBuffer();
        float[] out = new float[g.batch() * outChannels * g.outHeight() * g.outWidth()];
        ConvolutionF32.forward(in, w, bias == null ? null : bias.floatBuffer(), g, outChannels, groups, out);
        int[] outShape = {g.batch(), outChannels, g.outHeight(), g.outWidth()};
        Tensor[] inputs = bias == null ? new Tensor[] {x, weight} : new Tensor[] {x, weight, bias};
        return Tensor.fromOp("conv2d", out, outShape, grad -> {
            float[] gradOut = grad.floatBuffer();
            Tensor[] grads = new Tensor[inputs.length];
            if (x.requiresGrad()) {
                float[] dx = new float[in.length];
                ConvolutionF32.backwardInput(gradOut, w, g, outChannels, groups, dx);
                grads[0] = Tensor.wrap(dx, xs);
            }
            if (weight.requiresGrad()) {
                float[] dw = new float[w.length];
                ConvolutionF32.backwardWeight(gradOut, in, g, outChannels, groups, dw);
                grads[1] = Tensor.wrap(dw, ws);
            }
            if (bias != null && bias.requiresGrad()) {
                float[] db = new float[outChannels];
                ConvolutionF32.backwardBias(gradOut, g.batch(), outChannels, g.outHeight() * g.outWidth(), db);
                grads[2] = Tensor.wrap(db, new int[] {outChannels});
            }
            return grads;
        }, inputs);
    }

    private static ConvGeometry validate(int[] xs, int[] ws, Tensor bias, int stride, int padding, int dilation,
                                         int groups) {
        if (xs.length != 4 || ws.length != 4) {
            throw new IllegalArgumentException("conv2d: needs input (N, C, H, W) and weight (O, C/groups, kH, kW), got "
                    + Shapes.str(xs) + " and " + Shapes.str(ws));
        }
        if (stride < 1 || padding < 0 || dilation < 1 || groups < 1) {
            throw new IllegalArgumentException("conv2d: needs stride >= 1, padding >= 0, dilation >= 1, groups >= 1, got "
                    + "stride = " + stride + ", padding = " + padding + ", dilation = " + dilation + ", groups = " + groups);
        }
        if (xs[1] % groups != 0 || ws[0] % groups != 0 || ws[1] * groups != xs[1]) {
            throw new IllegalArgumentException("conv2d: input " + Shapes.str(xs) + " and weight " + Shapes.str(ws)
                    + " do not fit " + groups + " group(s): need C = weight[1] * groups and O divisible by groups");
        }
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != ws[0])) {
            throw new IllegalArgumentException("conv2d: bias shape " + Shapes.str(bias.shape()) + " should be ["
                    + ws[0] + "]");
        }
        ConvGeometry g;
        try {
            g = new ConvGeometry(xs[0], xs[1], xs[2], xs[3], ws[2], ws[3], stride, padding, dilation);
        } catch (IllegalArgumentException tooLarge) {
            throw new IllegalArgumentException("conv2d: " + tooLarge.getMessage(), tooLarge);
        }
        if (g.outHeight() < 1 || g.outWidth() < 1) {
            throw new IllegalArgumentException("conv2d: kernel " + ws[2] + "x" + ws[3] + " with dilation " + dilation
                    + " and stride " + stride + " does not fit input " + Shapes.str(xs) + " padded by " + padding
                    + " (output " + g.outHeight() + "x" + g.outWidth() + ")");
        }
        return g;
    }
}
