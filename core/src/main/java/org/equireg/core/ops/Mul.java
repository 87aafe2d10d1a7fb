package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Elementwise;

/** {@code a * b} elementwise, broadcast. Derivatives: d/da = b, d/db = a. PyTorch: {@code torch.mul}. */
public final class Mul {
    private Mul() {
    }

    /** Records {@code a * b}. */
    public static Tensor apply(Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("mul", a.shape(), b.shape());
        double[] out = Elementwise.mul(Operands.expanded(a, shape), Operands.expanded(b, shape));
        return Tensor.fromOp("mul", out, shape, grad -> new Tensor[] {
            a.requiresGrad() ? grad.mul(b) : null,
            b.requiresGrad() ? grad.mul(a) : null}, a, b);
    }
}
