package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.ConvGeometry;
import org.equireg.core.kernels.Gemm;
import org.equireg.core.kernels.Im2Col;

/**
 * 2-D cross-correlation, as im2col followed by one matrix product per image and group:
 * {@code out[n, g] = W[g] * cols(x[n, g]) + b}. Derivatives: {@code dW[g] += G[n, g] cols^T},
 * {@code dx = col2im(W[g]^T G[n, g])}, {@code db = sum over n, y, x of G}.
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
        int groupIn = ws[1];
        int groupOut = outChannels / groups;
        int patch = groupIn * ws[2] * ws[3];
        int pixels = g.outHeight() * g.outWidth();
        double[] in = x.buffer();
        double[] w = weight.buffer();
        double[] out = new double[g.batch() * outChannels * pixels];
        double[] columns = new double[patch * pixels];
        for (int n = 0; n < g.batch(); n++) {
            for (int group = 0; group < groups; group++) {
                Im2Col.unfold(in, (n * g.channels() + group * groupIn) * g.height() * g.width(), groupIn, g, columns);
                Gemm.gemm(false, false, groupOut, pixels, patch, w, group * groupOut * patch, columns, 0,
                        out, (n * outChannels + group * groupOut) * pixels, false);
            }
        }
        if (bias != null) {
            double[] b = bias.buffer();
            for (int n = 0; n < g.batch(); n++) {
                for (int o = 0; o < outChannels; o++) {
                    int base = (n * outChannels + o) * pixels;
                    for (int p = 0; p < pixels; p++) {
                        out[base + p] += b[o];
                    }
                }
            }
        }
        int[] outShape = {g.batch(), outChannels, g.outHeight(), g.outWidth()};
        Tensor[] inputs = bias == null ? new Tensor[] {x, weight} : new Tensor[] {x, weight, bias};
        return Tensor.fromOp("conv2d", out, outShape, grad -> {
            double[] gradOut = grad.buffer();
            double[] dx = x.requiresGrad() ? new double[in.length] : null;
            double[] dw = weight.requiresGrad() ? new double[w.length] : null;
            double[] cols = new double[patch * pixels];
            for (int n = 0; n < g.batch(); n++) {
                for (int group = 0; group < groups; group++) {
                    int imageOffset = (n * g.channels() + group * groupIn) * g.height() * g.width();
                    int gradOffset = (n * outChannels + group * groupOut) * pixels;
                    if (dw != null) {
                        Im2Col.unfold(in, imageOffset, groupIn, g, cols);
                        Gemm.gemm(false, true, groupOut, patch, pixels, gradOut, gradOffset, cols, 0,
                                dw, group * groupOut * patch, true);
                    }
                    if (dx != null) {
                        Gemm.gemm(true, false, patch, pixels, groupOut, w, group * groupOut * patch, gradOut, gradOffset,
                                cols, 0, false);
                        Im2Col.foldAdd(cols, groupIn, g, dx, imageOffset);
                    }
                }
            }
            Tensor[] grads = new Tensor[inputs.length];
            grads[0] = dx == null ? null : Tensor.wrap(dx, xs);
            grads[1] = dw == null ? null : Tensor.wrap(dw, ws);
            if (bias != null && bias.requiresGrad()) {
                grads[2] = grad.sum(3, false).sum(2, false).sum(0, false);
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
        ConvGeometry g = new ConvGeometry(xs[0], xs[1], xs[2], xs[3], ws[2], ws[3], stride, padding, dilation);
        if (g.outHeight() < 1 || g.outWidth() < 1) {
            throw new IllegalArgumentException("conv2d: kernel " + ws[2] + "x" + ws[3] + " with dilation " + dilation
                    + " does not fit input " + Shapes.str(xs) + " padded by " + padding);
        }
        return g;
    }
}
