package org.equireg.core.kernels;

import static org.equireg.core.kernels.KernelTesting.SEED;
import static org.equireg.core.kernels.KernelTesting.assumeVectorModule;
import static org.equireg.core.kernels.KernelTesting.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Vector reductions against their scalar twins for every length 0 .. 3 * lanes + 1 (and a long run)
 * at unaligned offsets. The paths add in different orders, so they are compared with the bound of
 * {@link Reductions}: each is within n u sum|t_i| of the exact sum (u = 2^-53), so they are within
 * twice that of each other.
 */
class ReductionsTest {
    private static final int MAX_OFFSET = 3;
    private static final double UNIT_ROUNDOFF = Math.ulp(1.0) / 2;

    /** The allowed difference between two orders of summing {@code terms}: 2 n u sum |t_i|. */
    private static double tolerance(double[] terms) {
        double magnitude = 0;
        for (double term : terms) {
            magnitude += Math.abs(term);
        }
        return 2 * terms.length * UNIT_ROUNDOFF * magnitude;
    }

    private static int[] lengths() {
        int lanes = VectorShape.LANES;
        int[] lengths = new int[3 * lanes + 3];
        for (int i = 0; i <= 3 * lanes + 1; i++) {
            lengths[i] = i;
        }
        lengths[3 * lanes + 2] = 1000;
        return lengths;
    }

    @Test
    void sumMatchesScalarTwinWithinRounding() {
        assumeVectorModule();
        Random random = new Random(SEED);
        int cases = 0;
        for (int length : lengths()) {
            for (int offset = 0; offset <= MAX_OFFSET; offset++) {
                double[] a = values(random, offset + length + 1);
                double[] terms = java.util.Arrays.copyOfRange(a, offset, offset + length);
                double vector = VectorReductions.sum(a, offset, length);
                double scalar = ScalarReductions.sum(a, offset, length);
                assertTrue(Math.abs(vector - scalar) <= tolerance(terms),
                        "sum length " + length + " offset " + offset + ": " + vector + " vs " + scalar);
                cases++;
            }
        }
        assertEquals(lengths().length * (MAX_OFFSET + 1), cases);
    }

    @Test
    void dotMatchesScalarTwinWithinRounding() {
        assumeVectorModule();
        Random random = new Random(SEED);
        int cases = 0;
        for (int length : lengths()) {
            for (int offset = 0; offset <= MAX_OFFSET; offset++) {
                int bOffset = MAX_OFFSET - offset;
                double[] a = values(random, offset + length + 1);
                double[] b = values(random, bOffset + length + 1);
                double[] terms = new double[length];
                for (int i = 0; i < length; i++) {
                    terms[i] = a[offset + i] * b[bOffset + i];
                }
                double vector = VectorReductions.dot(a, offset, b, bOffset, length);
                double scalar = ScalarReductions.dot(a, offset, b, bOffset, length);
                assertTrue(Math.abs(vector - scalar) <= tolerance(terms),
                        "dot length " + length + " offset " + offset + ": " + vector + " vs " + scalar);
                cases++;
            }
        }
        assertEquals(lengths().length * (MAX_OFFSET + 1), cases);
    }

    @Test
    void exactCasesAreExactOnBothPaths() {
        assumeVectorModule();
        // Small integers: every partial sum is exact, so any order gives the same answer.
        double[] a = new double[37];
        double[] b = new double[37];
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
