package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.ConvGeometry;

/**
 * Mean over each k x k window, padding counted as zeros (PyTorch's default
 * {@code count_include_pad=True}). Derivative: each window spreads its gradient as g / k^2.
 * PyTorch: {@code torch.nn.functional.avg_pool2d}.
 */
public final class AvgPool2d {
    private AvgPool2d() {
    }

    /** Records average pooling of {@code x} (N, C, H, W). */
    public static Tensor apply(Tensor x, int kernel, int stride, int padding) {
        int[] shape = x.shape();
        ConvGeometry g = Pooling.geometry("avgPool2d", shape, kernel, stride, padding);
        int outH = g.outHeight();
        int outW = g.outWidth();
        int planes = g.batch() * g.channels();
        double area = kernel * kernel;
        double[] in = x.buffer();
        double[] out = new double[planes * outH * outW];
        forEachTap(g, (o, i) -> out[o] += in[i]);
        for (int o = 0; o < out.length; o++) {
            out[o] /= area;
        }
        return Tensor.fromOp("avgPool2d", out, new int[] {g.batch(), g.channels(), outH, outW}, grad -> {
            double[] gradOut = grad.buffer();
            double[] dx = new double[in.length];
            forEachTap(g, (o, i) -> dx[i] += gradOut[o] / area);
            return Operands.single(dx, shape);
        }, x);
    }

    private interface Tap {
        void visit(int outIndex, int inIndex);
    }

    /** Visits every (output, input) pair of a window tap that lands inside the image. */
    private static void forEachTap(ConvGeometry g, Tap tap) {
        int outH = g.outHeight();
        int outW = g.outWidth();
        int kernel = g.kernelHeight();
        for (int plane = 0; plane < g.batch() * g.channels(); plane++) {
            int base = plane * g.height() * g.width();
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    int o = (plane * outH + oy) * outW + ox;
                    for (int ky = 0; ky < kernel; ky++) {
                        int y = oy * g.stride() - g.padding() + ky;
                        for (int kx = 0; kx < kernel && y >= 0 && y < g.height(); kx++) {
                            int xx = ox * g.stride() - g.padding() + kx;
                            if (xx >= 0 && xx < g.width()) {
                                tap.visit(o, base + y * g.width() + xx);
                            }
                        }
                    }
                }
            }
        }
    }
}
