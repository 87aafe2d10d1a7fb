package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Repeats a tensor along broadcast dimensions to a target shape. Derivative: the gradient summed
 * back over the repeated dimensions ({@link SumTo}, its adjoint). PyTorch: {@code torch.Tensor.expand}.
 */
public final class BroadcastTo {
    private BroadcastTo() {
    }

    /** Records {@code broadcastTo(x, target)}. */
    public static Tensor apply(Tensor x, int... target) {
        if (!Shapes.broadcastsTo(x.shape(), target) || java.util.Arrays.stream(target).anyMatch(dim -> dim < 0)) {
            throw new IllegalArgumentException("broadcastTo: shape " + Shapes.str(x.shape()) + " does not broadcast to "
                    + Shapes.str(target));
        }
        int[] shape = target.clone();
        int[] from = x.shape();
        return Tensor.fromOp(Op.BROADCAST_TO, Operands.expanded(x, shape), shape,
                (saved, grad) -> new Tensor[] {SumTo.apply(grad, from)}, x);
    }
}
