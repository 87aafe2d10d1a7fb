package org.equireg.regularizer;

import org.equireg.core.Tensor;

/**
 * The logarithm of probabilities with every exact zero replaced by the smallest normal number of
 * the tensor's own type ({@link org.equireg.core.DType#minNormal()}), so that it stays finite:
 * log 0 becomes -708.4 in float64 and -87.3 in float32, with gradient 0 there. A constant of the
 * wrong type would round to 0 in float32 and bring back log 0 = -inf.
 */
final class GuardedLog {
    private GuardedLog() {
    }

    /** {@code log(x == 0 ? minNormal : x)}, elementwise, in x's type; negative x still gives NaN. */
    static Tensor of(Tensor x) {
        Tensor zero = Tensor.scalar(0, x.dtype());
        Tensor tiny = Tensor.scalar(x.dtype().minNormal(), x.dtype());
        return Tensor.where(x.eq(zero), tiny, x).log();
    }
}
