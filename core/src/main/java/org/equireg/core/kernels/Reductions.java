package org.equireg.core.kernels;

/**
 * Reductions over runs of doubles, through {@link VectorReductions} or the scalar twin
 * {@link ScalarReductions} as {@link Simd} decided. The two paths add in different orders (the
 * vector path keeps one partial sum per lane), so they agree to rounding, not bit for bit: for a
 * run of n terms t_i each result is within {@code n * 2^-53 * sum |t_i|} of the exact sum
 * (Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed., section 4.2). Each path is
 * deterministic on its own.
 */
public final class Reductions {
    private Reductions() {
    }

    /** {@code sum of a[offset + i]} for {@code i < length}; 0 when empty. Not modified. */
    public static double sum(double[] a, int offset, int length) {
        return Simd.VECTORIZED ? VectorReductions.sum(a, offset, length) : ScalarReductions.sum(a, offset, length);
    }

    /** {@code sum of a[aOffset + i] * b[bOffset + i]} for {@code i < length}; 0 when empty. Not modified. */
    public static double dot(double[] a, int aOffset, double[] b, int bOffset, int length) {
        return Simd.VECTORIZED
                ? VectorReductions.dot(a, aOffset, b, bOffset, length)
                : ScalarReductions.dot(a, aOffset, b, bOffset, length);
    }
}
