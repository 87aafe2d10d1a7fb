package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Reduce;

/**
 * Largest element of the whole tensor or along one axis; NaN propagates. Derivative: the gradient
 * is shared evenly among the elements equal to the maximum (PyTorch's {@code amax} convention);
 * the shares are constant, so the second derivative is zero.
 */
public final class Max {
    private Max() {
    }

    /** Records {@code max(x)}, a scalar. */
    public static Tensor all(Tensor x) {
        return reduce(x.reshape(x.size()), 0, false);
    }

    /** Records {@code max(x, axis, keepDim)}. */
    public static Tensor axis(Tensor x, int axis, boolean keepDim) {
        return reduce(x, Shapes.normalizeAxis("max", axis, x.rank()), keepDim);
    }

    private static Tensor reduce(Tensor x, int axis, boolean keepDim) {
        int[] shape = x.shape();
        if (shape[axis] == 0) {
            throw new IllegalArgumentException("max: cannot reduce an empty axis " + axis + " of shape " + Shapes.str(shape));
        }
        int[] kept = Shapes.reduce(shape, axis, true);
        return Tensor.fromOp(Op.MAX, Reduce.max(x.storage(), Shapes.outer(shape, axis), shape[axis],
                Shapes.inner(shape, axis)), Shapes.reduce(shape, axis, keepDim), (saved, grad) -> {
                    Tensor best = saved.output().detach().reshape(kept);
                    Tensor isMax = saved.input(0).detach().eq(best);
                    Tensor ties = isMax.sum(axis, true).clamp(1.0, Double.POSITIVE_INFINITY); // 0 only for a NaN maximum
                    return new Tensor[] {grad.reshape(kept).mul(isMax).div(ties)};
                }, x);
    }

    /**
     * Index of the first maximum along an axis, as whole numbers in a float64 tensor without the axis
     * (float64 whatever the input's type: float32 holds whole numbers exactly only up to 2^24).
     */
    public static Tensor argmax(Tensor x, int axis) {
        int[] shape = x.shape();
        int a = Shapes.normalizeAxis("argmax", axis, shape.length);
        if (shape[a] == 0) {
            throw new IllegalArgumentException("argmax: empty axis " + axis + " in shape " + Shapes.str(shape));
        }
        return Tensor.wrap(Reduce.argmax(x.storage(), Shapes.outer(shape, a), shape[a], Shapes.inner(shape, a)),
                Shapes.reduce(shape, a, false));
    }
}
