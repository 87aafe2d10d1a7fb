package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Elementwise;

/** {@code a - b}, broadcast. Derivatives: d/da = 1, d/db = -1. PyTorch: {@code torch.sub}. */
public final class Sub {
    private Sub() {
    }

    /** Records {@code a - b}. */
    public static Tensor apply(Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("sub", a.shape(), b.shape());
        double[] out = Elementwise.sub(Operands.expanded(a, shape), Operands.expanded(b, shape));
        return Tensor.fromOp("sub", out, shape,
                grad -> new Tensor[] {grad, b.requiresGrad() ? grad.neg() : null}, a, b);
    }
}
