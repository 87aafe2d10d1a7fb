package org.equireg.core.ops;

import org.equireg.core.Backward;
import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Elementwise;
import org.equireg.core.kernels.ElementwiseF32;

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
        Backward backward = grad -> new Tensor[] {
            a.requiresGrad() ? grad.mul(b) : null,
            b.requiresGrad() ? grad.mul(a) : null};
        if (a.dtype() == DType.FLOAT32) {
            float[] out = ElementwiseF32.mul(Operands.expandedF32(a, shape), Operands.expandedF32(b, shape));
            return Tensor.fromOp("mul", out, shape, backward, a, b);
        }
        double[] out = Elementwise.mul(Operands.expanded(a, shape), Operands.expanded(b, shape));
        return Tensor.fromOp("mul", out, shape, backward, a, b);
    }
}
