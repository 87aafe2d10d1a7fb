package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.Elementwise;
import org.equireg.core.kernels.Maps;

/**
 * {@code y = tanh(x)}. Derivative: {@code 1 - y^2}, by the fused primitive {@code tanhBackward(g, y)
 * = g (1 - y^2)}, whose own derivatives are {@code tanhBackward(gg, y)} for g and
 * {@code -2 gg g y} for y. The values come from {@link Elementwise#tanh}, within 1 ulp of the exact
 * value and the same on every JDK (Math.tanh may differ between JDKs: JDK 25 intrinsifies it).
 * PyTorch: {@code torch.tanh}, {@code tanh_backward}.
 */
public final class Tanh {
    private Tanh() {
    }

    /** Records {@code tanh(x)}. */
    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Op.TANH, Maps.unary(Maps.Unary.TANH, x.storage()), x.shape(),
                (saved, grad) -> new Tensor[] {backward(grad, saved.output())}, x);
    }

    /** Records {@code g (1 - y^2)}, the gradient of tanh from its output y. */
    static Tensor backward(Tensor grad, Tensor y) {
        return Tensor.fromOp(Op.TANH_BACKWARD, Maps.backward(Maps.Backward.TANH, grad.storage(), y.storage()),
                grad.shape(), (saved, gg) -> new Tensor[] {
                    saved.needsGrad(0) ? backward(gg, saved.input(1)) : null,
                    saved.needsGrad(1) ? gg.mul(saved.input(0)).mul(saved.input(1)).mul(-2.0) : null}, grad, y);
    }
}
