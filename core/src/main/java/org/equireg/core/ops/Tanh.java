package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.Elementwise;

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
}
