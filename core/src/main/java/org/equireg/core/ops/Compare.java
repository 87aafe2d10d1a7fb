package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/** Elementwise comparisons giving 0/1 masks, broadcast. Not differentiable: the result is a plain leaf. */
public final class Compare {
    private Compare() {
    }

    /** The mask {@code a (kind) b}, in the operands' promoted type; {@code op} names the caller in errors. */
    public static Tensor apply(String op, Tensor a, Tensor b, Maps.Comparison kind) {
        Tensor left = Operands.promoted(a, b);
        Tensor right = Operands.promoted(b, a);
        int[] shape = Shapes.broadcast(op, left.shape(), right.shape());
        return Tensor.wrap(Maps.compare(kind, Operands.expanded(left, shape), Operands.expanded(right, shape)), shape);
    }
}
