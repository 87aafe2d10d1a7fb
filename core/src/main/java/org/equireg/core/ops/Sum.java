package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Reduce;

/**
 * Sum of all elements or along one axis, added in index order (float32 accumulated in double and
 * rounded once). Derivative: 1 for every summed element (the gradient is broadcast back).
 * PyTorch: {@code torch.sum}.
 */
public final class Sum {
    private Sum() {
    }

    /** Records {@code sum(x)}, a scalar. */
    public static Tensor all(Tensor x) {
        int[] shape = x.shape();
        return Tensor.fromOp(Op.SUM, Reduce.sumAll(x.storage()), new int[0],
                (saved, grad) -> new Tensor[] {grad.broadcastTo(shape)}, x);
    }

    /** Records {@code sum(x, axis, keepDim)}. */
    public static Tensor axis(Tensor x, int axis, boolean keepDim) {
        int[] shape = x.shape();
        int a = Shapes.normalizeAxis("sum", axis, shape.length);
        int[] kept = Shapes.reduce(shape, a, true);
        return Tensor.fromOp(Op.SUM, Reduce.sum(x.storage(), Shapes.outer(shape, a), shape[a], Shapes.inner(shape, a)),
                Shapes.reduce(shape, a, keepDim), (saved, grad) -> new Tensor[] {grad.reshape(kept).broadcastTo(shape)},
                x);
    }
}
