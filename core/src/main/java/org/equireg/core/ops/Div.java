package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/**
 * {@code a / b} elementwise, broadcast. Derivatives: d/da = 1 / b, d/db = -(a / b) / b, written
 * with the quotient (the op's output) as PyTorch does. PyTorch: {@code torch.div}.
 */
public final class Div {
    private Div() {
    }

    /** Records {@code a / b}. */
    public static Tensor apply(Tensor a, Tensor b) {
        return same(Operands.promoted(a, b), Operands.promoted(b, a));
    }

    private static Tensor same(Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("div", a.shape(), b.shape());
        return Tensor.fromOp(Op.DIV, Maps.div(Operands.expanded(a, shape), Operands.expanded(b, shape)), shape,
                (saved, grad) -> {
                    Tensor gradOverB = grad.div(saved.input(1));
                    return new Tensor[] {
                        saved.needsGrad(0) ? gradOverB : null,
                        saved.needsGrad(1) ? gradOverB.mul(saved.output()).neg() : null};
                }, a, b);
    }
}
