package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/**
 * Elementwise maximum, broadcast; NaN if either is NaN. Derivatives: the gradient goes to the larger
 * operand, split in half at ties (PyTorch's convention); the split is a constant mask, so the
 * second derivative is zero. PyTorch: {@code torch.maximum}.
 */
public final class Maximum {
    private Maximum() {
    }

    /** Records {@code max(a, b)}. */
    public static Tensor apply(Tensor a, Tensor b) {
        return same(Operands.promoted(a, b), Operands.promoted(b, a));
    }

    private static Tensor same(Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("maximum", a.shape(), b.shape());
        return Tensor.fromOp(Op.MAXIMUM, Maps.maximum(Operands.expanded(a, shape), Operands.expanded(b, shape)), shape,
                (saved, grad) -> {
                    Tensor left = saved.input(0).detach();
                    Tensor right = saved.input(1).detach();
                    Tensor share = left.gt(right).add(left.eq(right).mul(0.5)); // constant: 1, 1/2 or 0
                    return new Tensor[] {
                        saved.needsGrad(0) ? grad.mul(share) : null,
                        saved.needsGrad(1) ? grad.mul(share.neg().add(1.0)) : null};
                }, a, b);
    }
}
