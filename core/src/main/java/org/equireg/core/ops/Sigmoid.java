package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/**
 * {@code y = 1 / (1 + e^-x)}, evaluated on the side where the exponential cannot overflow.
 * Derivative: {@code y (1 - y)}, by the fused primitive {@code sigmoidBackward(g, y) = g y (1 - y)},
 * whose own derivatives are {@code sigmoidBackward(gg, y)} for g and {@code gg g (1 - 2y)} for y.
 * A primitive rather than a composition: one pass, and no overflow for large |x|.
 * PyTorch: {@code torch.sigmoid}, {@code sigmoid_backward}.
 */
public final class Sigmoid {
    private Sigmoid() {
    }

    /** Records {@code sigmoid(x)}. */
    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Op.SIGMOID, Maps.unary(Maps.Unary.SIGMOID, x.storage()), x.shape(),
                (saved, grad) -> new Tensor[] {backward(grad, saved.output())}, x);
    }

    /** Records {@code g y (1 - y)}, the gradient of the sigmoid from its output y. */
    static Tensor backward(Tensor grad, Tensor y) {
        return Tensor.fromOp(Op.SIGMOID_BACKWARD, Maps.backward(Maps.Backward.SIGMOID, grad.storage(), y.storage()),
                grad.shape(), (saved, gg) -> new Tensor[] {
                    saved.needsGrad(0) ? backward(gg, saved.input(1)) : null,
                    saved.needsGrad(1) ? gg.mul(saved.input(0)).mul(saved.input(1).mul(-2.0).add(1.0)) : null},
                grad, y);
    }
}
