package org.equireg.core.ops;

import org.equireg.core.Backward;
import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Elementwise;
import org.equireg.core.kernels.ElementwiseF32;

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
        Backward backward = grad -> new Tensor[] {grad, grad};
        if (a.dtype() == DType.FLOAT32) {
            float[] out = ElementwiseF32.add(Operands.expandedF32(a, shape), Operands.expandedF32(b, shape));
            return Tensor.fromOp("add", out, shape, backward, a, b);
        }
        double[] out = Elementwise.add(Operands.expanded(a, shape), Operands.expanded(b, shape));
        return Tensor.fromOp("add", out, shape, backward, a, b);
    }
}
