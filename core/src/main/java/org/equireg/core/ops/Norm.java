package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;
import org.equireg.core.kernels.Reduce;

/**
 * The p-norm {@code (sum |x|^p)^(1/p)} of the whole tensor or along one axis, for p in [1, inf]
 * (float32 accumulated in double and rounded once). Derivative:
 * {@code sign(x) (|x| / norm)^(p-1)}, that is {@code sign(x)} for p = 1 and {@code x / norm} for
 * p = 2; for p = inf the gradient is shared evenly among the entries of largest magnitude; it is 0
 * wherever the norm is 0 (PyTorch's convention, which keeps an exactly equivariant model's
 * distance differentiable). PyTorch: {@code torch.linalg.vector_norm}.
 */
public final class Norm {
    private Norm() {
    }

    /** Records {@code norm(x, p)} over all elements, a scalar. */
    public static Tensor all(Tensor x, double p) {
        return reduce(x.reshape(x.size()), p, 0, false);
    }

    /** Records {@code norm(x, p, axis, keepDim)}. */
    public static Tensor axis(Tensor x, double p, int axis, boolean keepDim) {
        return reduce(x, p, Shapes.normalizeAxis("norm", axis, x.rank()), keepDim);
    }

    private static Tensor reduce(Tensor x, double p, int axis, boolean keepDim) {
        if (!(p >= 1)) {
            throw new IllegalArgumentException("norm: p must be >= 1 or infinity, got " + p);
        }
        int[] shape = x.shape();
        int[] kept = Shapes.reduce(shape, axis, true);
        return Tensor.fromOp(Op.NORM, Reduce.norm(x.storage(), Shapes.outer(shape, axis), shape[axis],
                Shapes.inner(shape, axis), p), Shapes.reduce(shape, axis, keepDim), (saved, grad) -> {
                    Tensor input = saved.input(0);
                    Tensor norm = saved.output().reshape(kept);
                    Tensor nonZero = norm.detach().gt(0.0);
                    Tensor safeNorm = Where.apply(nonZero, norm, Tensor.ones(norm.dtype()));
                    Tensor upstream = grad.reshape(kept).mul(nonZero);
                    return new Tensor[] {derivative(input, safeNorm, p, axis).mul(upstream)};
                }, x);
    }

    /** d norm / d x where the norm is not 0 ({@code norm} is 1 elsewhere). */
    private static Tensor derivative(Tensor x, Tensor norm, double p, int axis) {
        if (p == 2) {
            return x.div(norm);
        }
        Tensor sign = Tensor.wrap(Maps.unary(Maps.Unary.SIGN, x.storage()), x.shape());
        if (p == 1) {
            return sign;
        }
        if (p == Double.POSITIVE_INFINITY) {
            Tensor isLargest = x.detach().abs().eq(norm.detach());
            return sign.mul(isLargest).div(isLargest.sum(axis, true).clamp(1.0, Double.POSITIVE_INFINITY));
        }
        return sign.mul(x.abs().div(norm).pow(p - 1));
    }
}
