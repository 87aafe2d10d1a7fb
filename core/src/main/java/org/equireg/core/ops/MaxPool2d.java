package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.ConvGeometry;

/**
 * Max over each k x k window (padding counts as -infinity). Derivative: the whole gradient goes to
 * the first maximum of its window in row-major order (PyTorch's CPU convention).
 * PyTorch: {@code torch.nn.functional.max_pool2d}.
 */
public final class MaxPool2d {
    private MaxPool2d() {
    }

    /** Records max pooling of {@code x} (N, C, H, W). */
    public static Tensor apply(Tensor x, int kernel, int stride, int padding) {
        int[] shape = x.shape();
        ConvGeometry g = Pooling.geometry("maxPool2d", shape, kernel, stride, padding);
        int outH = g.outHeight();
        int outW = g.outWidth();
        int planes = g.batch() * g.channels();
        double[] in = x.buffer();
        double[] out = new double[planes * outH * outW];
        int[] argmax = new int[out.length];
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * g.height() * g.width();
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    double best = Double.NEGATIVE_INFINITY;
                    int bestIndex = -1;
                    for (int ky = 0; ky < kernel; ky++) {
                        int y = oy * stride - padding + ky;
                        for (int kx = 0; kx < kernel && y >= 0 && y < g.height(); kx++) {
                            int xx = ox * stride - padding + kx;
                            if (xx < 0 || xx >= g.width()) {
                                continue;
                            }
                            int index = base + y * g.width() + xx;
                            if (in[index] > best || Double.isNaN(in[index]) || bestIndex < 0) {
                                best = in[index];
                                bestIndex = index;
                                if (Double.isNaN(best)) {
                                    ky = kernel;
                                    break;
                                }
                            }
                        }
                    }
                    int o = (plane * outH + oy) * outW + ox;
                    out[o] = best;
                    argmax[o] = bestIndex;
                }
            }
        }
        return Tensor.fromOp("maxPool2d", out, new int[] {g.batch(), g.channels(), outH, outW}, grad -> {
            double[] gradOut = grad.buffer();
            double[] dx = new double[in.length];
            for (int o = 0; o < out.length; o++) {
                dx[argmax[o]] += gradOut[o];
            }
            return Operands.single(dx, shape);
        }, x);
    }
}
