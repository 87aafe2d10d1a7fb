package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Elementwise;

/** {@code a + b}, broadcast. Derivatives: d/da = 1, d/db = 1. PyTorch: {@code torch.add}. */
public final class Add {
    private Add() {
    }

    /** Records {@code a + b}. */
    public static Tensor apply(Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("add", a.shape(), b.shape());
        double[] out = Elementwise.add(Operands.expanded(a, shape), Operands.expanded(b, shape));
        return Tensor.fromOp("add", out, shape, grad -> new Tensor[] {grad, grad}, a, b);
    }
}
