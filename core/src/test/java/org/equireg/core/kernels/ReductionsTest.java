package org.equireg.core.kernels;

import static org.equireg.core.kernels.KernelTesting.SEED;
import static org.equireg.core.kernels.KernelTesting.assumeVectorModule;
import static org.equireg.core.kernels.KernelTesting.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Vector reductions against their scalar twins and against the order {@link Reductions} documents, bit for
 * bit, for every length 0 .. 3 * lanes + 1 and runs of several blocks, at unaligned offsets; and within
 * the documented bound of the exact sum (u = 2^-53).
 */
class ReductionsTest {
    private static final int MAX_OFFSET = 3;
    private static final double UNIT_ROUNDOFF = Math.ulp(1.0) / 2;

    private static int[] lengths() {
        int lanes = VectorShape.LANES;
        int[] extra = {Reductions.CHAINS, 2 * Reductions.CHAINS - 1, 3 * Reductions.CHAINS + 5, 1000};
        int[] lengths = new int[3 * lanes + 2 + extra.length];
        for (int i = 0; i <= 3 * lanes + 1; i++) {
            lengths[i] = i;
        }
        System.arraycopy(extra, 0, lengths, 3 * lanes + 2, extra.length);
        return lengths;
    }

    /** The documented order, literally: chains over whole blocks, combined in order, then the tail. */
    private static double reference(double[] a, int aOffset, double[] b, int bOffset, int length) {
        double[] chains = new double[Reductions.CHAINS];
        int blocks = length - length % Reductions.CHAINS;
        for (int i = 0; i < blocks; i++) {
            double term = b == null ? a[aOffset + i] : a[aOffset + i] * b[bOffset + i];
            int chain = i % Reductions.CHAINS;
            chains[chain] = b == null ? chains[chain] + term : Math.fma(a[aOffset + i], b[bOffset + i], chains[chain]);
        }
        double sum = 0;
        for (int chain = 0; chain < Reductions.CHAINS; chain++) {
            sum += chains[chain];
        }
        for (int i = blocks; i < length; i++) {
            sum = b == null ? sum + a[aOffset + i] : Math.fma(a[aOffset + i], b[bOffset + i], sum);
        }
        return sum;
    }

    /** Fails unless {@code sum} lies within the documented bound of the exact sum of the terms. */
    private static void assertWithinBound(double sum, double[] a, int aOffset, double[] b, int bOffset, int length,
                                          String what) {
        BigDecimal exact = BigDecimal.ZERO;
        double magnitude = 0;
        for (int i = 0; i < length; i++) {
            BigDecimal term = new BigDecimal(a[aOffset + i]);
            term = b == null ? term : term.multiply(new BigDecimal(b[bOffset + i]));
            exact = exact.add(term);
            magnitude += Math.abs(term.doubleValue());
        }
        int steps = length / Reductions.CHAINS + Reductions.CHAINS + length % Reductions.CHAINS;
        BigDecimal error = new BigDecimal(sum).subtract(exact).abs();
        assertTrue(error.compareTo(new BigDecimal(steps * UNIT_ROUNDOFF * magnitude * 1.01)) <= 0,
                what + ": error " + error);
    }

    /** A run of three rounds (the last a short one): each round in the order above, the rounds added pairwise. */
    @Test
    void longRunsAreSummedInRoundsAddedPairwise() {
        Random random = new Random(SEED);
        int length = 2 * Reductions.ROUND + 3 * Reductions.CHAINS + 5;
        double[] a = values(random, length + 1);
        double[] b = values(random, length + 2);
        double[] sums = new double[3];
        double[] dots = new double[3];
        for (int round = 0; round < 3; round++) {
            int start = round * Reductions.ROUND;
            int count = Math.min(Reductions.ROUND, length - start);
            sums[round] = reference(a, 1 + start, null, 0, count);
            dots[round] = reference(a, 1 + start, b, 2 + start, count);
        }
        assertEquals(Double.doubleToLongBits(KernelTesting.pairwise(sums, 0, 3)),
                Double.doubleToLongBits(Reductions.sum(a, 1, length)), "sum of three rounds");
        assertEquals(Double.doubleToLongBits(KernelTesting.pairwise(dots, 0, 3)),
                Double.doubleToLongBits(Reductions.dot(a, 1, b, 2, length)), "dot of three rounds");
    }

    @Test
    void sumFollowsTheDocumentedOrderOnBothPaths() {
        assumeVectorModule();
        Random random = new Random(SEED);
        int cases = 0;
        for (int length : lengths()) {
            for (int offset = 0; offset <= MAX_OFFSET; offset++) {
                double[] a = values(random, offset + length + 1);
                double expected = reference(a, offset, null, 0, length);
                String what = "sum length " + length + " offset " + offset;
                assertEquals(expected, VectorReductions.sum(a, offset, length), what + " vector");
                assertEquals(expected, ScalarReductions.sum(a, offset, length), what + " scalar");
                assertWithinBound(expected, a, offset, null, 0, length, what);
                cases++;
            }
        }
        assertEquals(lengths().length * (MAX_OFFSET + 1), cases);
    }

    @Test
    void dotFollowsTheDocumentedOrderOnBothPaths() {
        assumeVectorModule();
        Random random = new Random(SEED);
        int cases = 0;
        for (int length : lengths()) {
            for (int offset = 0; offset <= MAX_OFFSET; offset++) {
                int bOffset = MAX_OFFSET - offset;
                double[] a = values(random, offset + length + 1);
                double[] b = values(random, bOffset + length + 1);
                double expected = reference(a, offset, b, bOffset, length);
                String what = "dot length " + length + " offset " + offset;
                assertEquals(expected, VectorReductions.dot(a, offset, b, bOffset, length), what + " vector");
                assertEquals(expected, ScalarReductions.dot(a, offset, b, bOffset, length), what + " scalar");
                assertWithinBound(expected, a, offset, b, bOffset, length, what);
                cases++;
            }
        }
        assertEquals(lengths().length * (MAX_OFFSET + 1), cases);
    }

    @Test
    void exactCasesAreExactOnBothPaths() {
        assumeVectorModule();
        // Small integers: every partial sum is exact, so any order gives the same answer.
        double[] a = new double[77];
        double[] b = new double[77];
        for (int i = 0; i < a.length; i++) {
            a[i] = i - 11;
            b[i] = 3 - i % 5;
        }
        double expectedDot = 0;
        double expectedSum = 0;
        for (int i = 0; i < a.length; i++) {
            expectedDot += a[i] * b[i];
            expectedSum += a[i];
        }
        assertEquals(expectedSum, VectorReductions.sum(a, 0, a.length));
        assertEquals(expectedSum, ScalarReductions.sum(a, 0, a.length));
        assertEquals(expectedSum, Reductions.sum(a, 0, a.length));
        assertEquals(expectedDot, VectorReductions.dot(a, 0, b, 0, a.length));
        assertEquals(expectedDot, ScalarReductions.dot(a, 0, b, 0, a.length));
        assertEquals(expectedDot, Reductions.dot(a, 0, b, 0, a.length));
        assertEquals(0.0, Reductions.sum(a, 5, 0));
    }

    @Test
    void vectorSumIsDeterministic() {
        assumeVectorModule();
        double[] a = values(new Random(SEED), 4099);
        double first = VectorReductions.sum(a, 1, 4097);
        for (int repeat = 0; repeat < 2000; repeat++) {
            // Enough calls for the JIT to compile the loop; the result must not change with it.
            assertEquals(Double.doubleToLongBits(first), Double.doubleToLongBits(VectorReductions.sum(a, 1, 4097)));
        }
    }
}
