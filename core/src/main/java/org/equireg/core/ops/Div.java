package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Elementwise;

/**
 * {@code a / b} elementwise, broadcast. Derivatives: d/da = 1 / b, d/db = -a / b^2 = -out / b.
 * PyTorch: {@code torch.div}.
 */
public final class Div {
    private Div() {
    }

    /** Records {@code a / b}. */
    public static Tensor apply(Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("div", a.shape(), b.shape());
        double[] out = Elementwise.div(Operands.expanded(a, shape), Operands.expanded(b, shape));
        return Tensor.fromOp("div", out, shape, grad -> {
            Tensor gradOverB = grad.div(b);
            return new Tensor[] {
                a.requiresGrad() ? gradOverB : null,
                b.requiresGrad() ? gradOverB.mul(Tensor.wrap(out, shape)).neg() : null};
        }, a, b);
    }
}
