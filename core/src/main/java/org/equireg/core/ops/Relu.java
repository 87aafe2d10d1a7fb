package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Elementwise;
import org.equireg.core.kernels.ElementwiseF32;

/**
 * {@code max(x, 0)}, NaN passed through. Derivative: 1 where x &gt; 0, else 0 (so 0 at x = 0, as
 * PyTorch). PyTorch: {@code torch.relu}.
 */
public final class Relu {
    private Relu() {
    }

    /** Records {@code relu(x)}. */
    public static Tensor apply(Tensor x) {
        if (x.dtype() == DType.FLOAT32) {
            return float32(x);
        }
        double[] in = x.buffer();
        double[] out = new double[in.length];
        Elementwise.relu(in, out, in.length);
        int[] shape = x.shape();
        return Tensor.fromOp("relu", out, shape, grad -> {
            double[] dx = new double[in.length];
            Elementwise.reluBackward(in, grad.buffer(), dx, in.length);
            return Operands.single(dx, shape);
        }, x);
    }

    private static Tensor float32(Tensor x) {
        float[] in = x.floatBuffer();
        float[] out = new float[in.length];
        ElementwiseF32.relu(in, out, in.length);
        int[] shape = x.shape();
        return Tensor.fromOp("relu", out, shape, grad -> {
            float[] dx = new float[in.length];
            ElementwiseF32.reluBackward(in, grad.floatBuffer(), dx, in.length);
            return Operands.single(dx, shape);
        }, x);
    }
}
