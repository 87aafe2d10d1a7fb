package org.equireg.core.kernels;

/**
 * Reductions over runs of doubles, through {@link VectorReductions} or the scalar twin
 * {@link ScalarReductions} as {@link Simd} decided; both give the same bits, whatever the vector width.
 *
 * <p>The order of every sum is fixed: the run is cut into whole blocks of {@link #CHAINS} elements and
 * a tail of {@code length % CHAINS}; element j of every block is added, block after block, to partial
 * sum {@code j} (a fused multiply-add for {@link #dot}), all starting from +0; the partial sums are then
 * added to +0 from the first to the last, and the tail elements after them, in order. The result is within
 * {@code (length / CHAINS + CHAINS + length % CHAINS) 2^-53 sum |t_i|} of the exact sum of the terms
 * t_i (Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed., section 4.2).
 */
public final class Reductions {
    /**
     * Partial sums per reduction: four 512-bit vectors of them, fixed whatever the machine's width,
     * so that the bits do not depend on it.
     */
    static final int CHAINS = 4 * 64 / Double.BYTES;

    private Reductions() {
    }

    /** {@code sum of a[offset + i]} for {@code i < length}, in the order above; +0 when empty. Not modified. */
    public static double sum(double[] a, int offset, int length) {
        return Simd.VECTORIZED ? VectorReductions.sum(a, offset, length) : ScalarReductions.sum(a, offset, length);
    }

    /**
     * {@code sum of a[aOffset + i] * b[bOffset + i]} for {@code i < length}, in the order above, each
     * term one fused multiply-add into its partial sum; +0 when empty. Not modified.
     */
    public static double dot(double[] a, int aOffset, double[] b, int bOffset, int length) {
        return Simd.VECTORIZED
                ? VectorReductions.dot(a, aOffset, b, bOffset, length)
                : ScalarReductions.dot(a, aOffset, b, bOffset, length);
    }
}
