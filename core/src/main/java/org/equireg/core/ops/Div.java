package org.equireg.core.ops;

import org.equireg.core.Backward;
import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Elementwise;
import org.equireg.core.kernels.ElementwiseF32;

/**
 * {@code a / b} elementwise, broadcast. Derivatives: d/da = 1 / b, d/db = -a / b^2 = -out / b.
 * PyTorch: {@code torch.div}.
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
        Tensor quotient = a.dtype() == DType.FLOAT32
                ? Tensor.wrap(ElementwiseF32.div(Operands.expandedF32(a, shape), Operands.expandedF32(b, shape)), shape)
                : Tensor.wrap(Elementwise.div(Operands.expanded(a, shape), Operands.expanded(b, shape)), shape);
        Backward backward = grad -> {
            Tensor gradOverB = grad.div(b);
            return new Tensor[] {
                a.requiresGrad() ? gradOverB : null,
                b.requiresGrad() ? gradOverB.mul(quotient).neg() : null};
        };
        return a.dtype() == DType.FLOAT32
                ? Tensor.fromOp("div", quotient.floatBuffer(), shape, backward, a, b)
                : Tensor.fromOp("div", quotient.buffer(), shape, backward, a, b);
    }
}
