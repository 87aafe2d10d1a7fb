package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.ConvGeometry;
import org.equireg.core.kernels.Pool2d;
import org.equireg.core.kernels.Pool2dF32;

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
        if (x.dtype() == DType.FLOAT32) {
            return float32(x, g);
        }
        double[] in = x.buffer();
        double[] out = new double[g.batch() * g.channels() * outH * outW];
        Pool2d.avgForward(in, g, out);
        return Tensor.fromOp("avgPool2d", out, new int[] {g.batch(), g.channels(), outH, outW}, grad -> {
            double[] gradOut = grad.buffer();
            double[] dx = new double[in.length];
            Pool2d.avgBackward(gradOut, g, dx);
            return Operands.single(dx, shape);
        }, x);
    }

    private static Tensor float32(Tensor x, ConvGeometry g) {
        int[] shape = x.shape();
        float[] in = x.floatBuffer();
        float[] out = new float[g.batch() * g.channels() * g.outHeight() * g.outWidth()];
        Pool2dF32.avgForward(in, g, out);
        return Tensor.fromOp("avgPool2d", out, new int[] {g.batch(), g.channels(), g.outHeight(), g.outWidth()}, grad -> {
            float[] gradOut = grad.floatBuffer();
            float[] dx = new float[in.length];
            Pool2dF32.avgBackward(gradOut, g, dx);
            return Operands.single(dx, shape);
        }, x);
    }
}
