package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.LinearAlgebra;

/**
 * Cumulative sum along one axis: {@code y[k] = x[0] + x[1] + ... + x[k]}, added in index order (as
 * PyTorch's CPU kernel does), or from the end when reversed. Derivative: each x[j] appears in y[j],
 * ..., y[n - 1], so {@code dx[j] = dy[j] + dy[j + 1] + ... + dy[n - 1]}: the cumulative sum of dy
 * taken from the end, itself this primitive reversed (and so differentiable again). A scalar is a
 * tensor of one element along axis 0 or -1. PyTorch: {@code torch.cumsum}.
 */
public final class CumSum {
    private CumSum() {
    }

    /** Records {@code x.cumsum(axis)}. */
    public static Tensor apply(Tensor x, int axis) {
        int[] block = x.rank() == 0 ? new int[] {1} : x.shape();
        return scan(x, Shapes.normalizeAxis("cumsum", axis, block.length), false);
    }

    private static Tensor scan(Tensor x, int axis, boolean reverse) {
        int[] block = x.rank() == 0 ? new int[] {1} : x.shape();
        int outer = Shapes.outer(block, axis);
        int length = block[axis];
        int inner = Shapes.inner(block, axis);
        return Tensor.fromOp(Op.CUMSUM, LinearAlgebra.cumsum(x.storage(), outer, length, inner, reverse), x.shape(),
                (saved, grad) -> new Tensor[] {scan(grad, axis, !reverse)}, x);
    }
}
