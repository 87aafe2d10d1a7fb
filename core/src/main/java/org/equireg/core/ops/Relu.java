package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/**
 * {@code max(x, 0)}, NaN passed through. Derivative: 1 where x &gt; 0, else 0 (so 0 at x = 0, as
 * PyTorch), by the fused primitive {@code reluBackward(g, x)} (g where x &gt; 0); its derivative
 * for g is {@code reluBackward(gg, x)} and for x zero (the mask is constant). PyTorch:
 * {@code torch.relu}, {@code threshold_backward}.
 */
public final class Relu {
    private Relu() {
    }

    /** Records {@code relu(x)}. */
    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Op.RELU, Maps.unary(Maps.Unary.RELU, x.storage()), x.shape(),
                (saved, grad) -> new Tensor[] {backward(grad, saved.input(0))}, x);
    }

    /** Records {@code g} where {@code x > 0}, else 0. */
    static Tensor backward(Tensor grad, Tensor x) {
        return Tensor.fromOp(Op.RELU_BACKWARD, Maps.backward(Maps.Backward.RELU, grad.storage(), x.storage()),
                grad.shape(), (saved, gg) -> new Tensor[] {
                    saved.needsGrad(0) ? backward(gg, saved.input(1)) : null, null}, grad, x);
    }
}
