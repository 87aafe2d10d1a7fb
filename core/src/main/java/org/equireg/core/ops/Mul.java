package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/** {@code a * b} elementwise, broadcast. Derivatives: d/da = b, d/db = a. PyTorch: {@code torch.mul}. */
public final class Mul {
    private Mul() {
    }

    /** Records {@code a * b}. */
    public static Tensor apply(Tensor a, Tensor b) {
        return same(Operands.promoted(a, b), Operands.promoted(b, a));
    }

    private static Tensor same(Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("mul", a.shape(), b.shape());
        return Tensor.fromOp(Op.MUL, Maps.mul(Operands.expanded(a, shape), Operands.expanded(b, shape)), shape,
                (saved, grad) -> new Tensor[] {
                    saved.needsGrad(0) ? grad.mul(saved.input(1)) : null,
                    saved.needsGrad(1) ? grad.mul(saved.input(0)) : null}, a, b);
    }
}
