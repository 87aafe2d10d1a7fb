package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Movement;

/**
 * Sums a tensor over the axes along which {@code shape} broadcasts to it: the adjoint of
 * {@link BroadcastTo}, and the engine's reduction of a broadcast operand's gradient. Derivative:
 * the gradient broadcast back. PyTorch: {@code Tensor.sum_to_size}.
 */
public final class SumTo {
    private SumTo() {
    }

    /** Records {@code x} summed down to {@code shape}, which must broadcast to x's shape. */
    public static Tensor apply(Tensor x, int[] shape) {
        int[] from = x.shape();
        if (!Shapes.broadcastsTo(shape, from)) {
            throw new IllegalArgumentException("sumTo: shape " + Shapes.str(shape) + " does not broadcast to "
                    + Shapes.str(from));
        }
        int[] to = shape.clone();
        return Tensor.fromOp(Op.SUM_TO, Movement.sumTo(x.storage(), from, to), to,
                (saved, grad) -> new Tensor[] {grad.broadcastTo(from)}, x);
    }
}
