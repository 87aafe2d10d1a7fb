package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/**
 * {@code condition != 0 ? a : b} elementwise, broadcast. Derivatives: the gradient where the
 * condition holds goes to a, elsewhere to b; the condition gets none. PyTorch: {@code torch.where}.
 */
public final class Where {
    private Where() {
    }

    /** Records {@code where(condition, a, b)}. */
    public static Tensor apply(Tensor condition, Tensor a, Tensor b) {
        return same(condition, Operands.promoted(a, b), Operands.promoted(b, a));
    }

    private static Tensor same(Tensor condition, Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("where", Shapes.broadcast("where", condition.shape(), a.shape()), b.shape());
        return Tensor.fromOp(Op.WHERE, Maps.where(Operands.expanded(condition, shape), Operands.expanded(a, shape),
                Operands.expanded(b, shape)), shape, (saved, grad) -> {
                    Tensor mask = saved.input(0).detach();
                    Tensor zero = Tensor.zeros(grad.dtype());
                    return new Tensor[] {null,
                        saved.needsGrad(1) ? Where.apply(mask, grad, zero) : null,
                        saved.needsGrad(2) ? Where.apply(mask, zero, grad) : null};
                }, condition, a, b);
    }
}
