package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/** {@code a + b}, broadcast. Derivatives: d/da = 1, d/db = 1. PyTorch: {@code torch.add}. */
public final class Add {
    private Add() {
    }

    /** Records {@code a + b}. */
    public static Tensor apply(Tensor a, Tensor b) {
        return same(Operands.promoted(a, b), Operands.promoted(b, a));
    }

    private static Tensor same(Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("add", a.shape(), b.shape());
        return Tensor.fromOp(Op.ADD, Maps.add(Operands.expanded(a, shape), Operands.expanded(b, shape)), shape,
                (saved, grad) -> new Tensor[] {grad, grad}, a, b);
    }
}
