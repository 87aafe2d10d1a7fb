package org.equireg.core.ops;

import org.equireg.core.Backward;
import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Repeats a tensor along broadcast dimensions to a target shape. Derivative: the gradient, which
 * the engine sums back over the repeated dimensions. PyTorch: {@code torch.Tensor.expand}.
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
        Backward backward = grad -> new Tensor[] {grad};
        return x.dtype() == DType.FLOAT32 ? Tensor.fromOp("broadcastTo", Operands.expandedF32(x, shape), shape, backward, x)
                : Tensor.fromOp("broadcastTo", Operands.expanded(x, shape), shape, backward, x);
    }
}
