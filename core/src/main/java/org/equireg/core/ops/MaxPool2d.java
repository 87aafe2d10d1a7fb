package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.ConvGeometry;
import org.equireg.core.kernels.Pool2d;
import org.equireg.core.kernels.Pool2dF32;

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
        if (x.dtype() == DType.FLOAT32) {
            return float32(x, g);
        }
        double[] in = x.buffer();
        double[] out = new double[g.batch() * g.channels() * outH * outW];
        int[] argmax = new int[out.length];
        Pool2d.maxForward(in, g, out, argmax);
        return Tensor.fromOp("maxPool2d", out, new int[] {g.batch(), g.channels(), outH, outW}, grad -> {
            double[] gradOut = grad.buffer();
            double[] dx = new double[in.length];
            Pool2d.maxBackward(gradOut, argmax, g, dx);
            return Operands.single(dx, shape);
        }, x);
    }

    private static Tensor float32(Tensor x, ConvGeometry g) {
        int[] shape = x.shape();
        float[] in = x.floatBuffer();
        float[] out = new float[g.batch() * g.channels() * g.outHeight() * g.outWidth()];
        int[] argmax = new int[out.length];
        Pool2dF32.maxForward(in, g, out, argmax);
        return Tensor.fromOp("maxPool2d", out, new int[] {g.batch(), g.channels(), g.outHeight(), g.outWidth()}, grad -> {
            float[] gradOut = grad.floatBuffer();
            float[] dx = new float[in.length];
            Pool2dF32.maxBackward(gradOut, argmax, g, dx);
            return Operands.single(dx, shape);
        }, x);
    }
}
