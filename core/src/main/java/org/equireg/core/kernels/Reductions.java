package org.equireg.core.kernels;

/**
 * Reductions over runs of doubles, through {@link VectorReductions} or the scalar twin
 * {@link ScalarReductions} as {@link Simd} decided; both give the same bits, whatever the vector width.
 *
 * <p>The order of every sum is fixed. A run of at most {@link #ROUND} elements is cut into whole blocks
 * of {@link #CHAINS} elements and a tail of {@code length % CHAINS}; element j of every block is added,
 * block after block, to partial sum {@code j} (a fused multiply-add for {@link #dot}), all starting from
 * +0; the partial sums are then added to +0 from the first to the last, and the tail elements after them,
 * in order. A longer run is cut into rounds of {@link #ROUND} elements (the last one shorter), each summed
 * so, and the rounds' sums are added pairwise as {@link Cascade} adds chunks. The result is within about
 * {@code (ROUND / CHAINS + CHAINS + log2(rounds)) 2^-53 sum |t_i|} of the exact sum of the terms t_i
 * (Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed., sections 4.2 and 4.3).
 */
public final class Reductions {
    /**
     * Partial sums per reduction: four 512-bit vectors of them, fixed whatever the machine's width,
     * so that the bits do not depend on it.
     */
    static final int CHAINS = 4 * 64 / Double.BYTES;

    private Reductions() {
    }

    /**
     * Elements per round: {@link Cascade#DEPTH} terms per partial sum (2^21 elements in float64, so the
     * usual runs are one round; 2^14 in float32).
     */
    static final int ROUND = CHAINS * Cascade.DEPTH;

    /** {@code sum of a[offset + i]} for {@code i < length}, in the order above; +0 when empty. Not modified. */
    public static double sum(double[] a, int offset, int length) {
        if (length <= ROUND) {
            return roundSum(a, offset, length);
        }
        int rounds = (length - 1) / ROUND + 1;
        double[] work = new double[Cascade.slots(rounds)];
        for (int round = 0; round < rounds; round++) {
            work[0] = roundSum(a, offset + round * ROUND, Math.min(ROUND, length - round * ROUND));
            Cascade.merge(round, rounds, 0, work, 1, 0, 1, 1, 1, work, 0, 1);
        }
        return work[0];
    }

    /**
     * {@code sum of a[aOffset + i] * b[bOffset + i]} for {@code i < length}, in the order above, each
     * term one fused multiply-add into its partial sum; +0 when empty. Not modified.
     */
    public static double dot(double[] a, int aOffset, double[] b, int bOffset, int length) {
        if (length <= ROUND) {
            return roundDot(a, aOffset, b, bOffset, length);
        }
        int rounds = (length - 1) / ROUND + 1;
        double[] work = new double[Cascade.slots(rounds)];
        for (int round = 0; round < rounds; round++) {
            int start = round * ROUND;
            work[0] = roundDot(a, aOffset + start, b, bOffset + start, Math.min(ROUND, length - start));
            Cascade.merge(round, rounds, 0, work, 1, 0, 1, 1, 1, work, 0, 1);
        }
        return work[0];
    }

    private static double roundSum(double[] a, int offset, int length) {
        return Simd.VECTORIZED ? VectorReductions.sum(a, offset, length) : ScalarReductions.sum(a, offset, length);
    }

    private static double roundDot(double[] a, int aOffset, double[] b, int bOffset, int length) {
        return Simd.VECTORIZED
                ? VectorReductions.dot(a, aOffset, b, bOffset, length)
                : ScalarReductions.dot(a, aOffset, b, bOffset, length);
    }
}
