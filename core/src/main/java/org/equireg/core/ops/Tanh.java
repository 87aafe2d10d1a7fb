package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Elementwise;
import org.equireg.core.kernels.ElementwiseF32;

/**
 * {@code y = tanh(x)}. Derivative: 1 - y^2. The values come from {@link Elementwise#tanh}, within 1 ulp of
 * the exact value and the same on every JDK (Math.tanh may differ between JDKs: JDK 25 intrinsifies it).
 * PyTorch: {@code torch.tanh}.
 */
public final class Tanh {
    private Tanh() {
    }

    /** Records {@code tanh(x)}. */
    public static Tensor apply(Tensor x) {
        if (x.dtype() == DType.FLOAT32) {
            return float32(x);
        }
        double[] in = x.buffer();
        double[] out = new double[in.length];
        Elementwise.tanh(in, 0, out, 0, in.length);
        int[] shape = x.shape();
        return Tensor.fromOp("tanh", out, shape, grad -> {
            double[] dx = new double[out.length];
            Elementwise.tanhBackward(grad.buffer(), 0, out, 0, dx, 0, dx.length);
            return Operands.single(dx, shape);
        }, x);
    }

    private static Tensor float32(Tensor x) {
        float[] in = x.floatBuffer();
        float[] out = new float[in.length];
        ElementwiseF32.tanh(in, 0, out, 0, in.length);
        int[] shape = x.shape();
        return Tensor.fromOp("tanh", out, shape, grad -> {
            float[] dx = new float[out.length];
            ElementwiseF32.tanhBackward(grad.floatBuffer(), 0, out, 0, dx, 0, dx.length);
            return Operands.single(dx, shape);
        }, x);
    }
}
