package org.equireg.core.kernels;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;

/** Helpers shared by the kernel tests: seeded data and bitwise comparison. */
final class KernelTesting {
    /** Seed of every random array in the kernel tests. */
    static final long SEED = 20240611L;

    private KernelTesting() {
    }

    /** Skips the calling test when the vector classes cannot load (the JVM lacks the module). */
    static void assumeVectorModule() {
        assumeTrue(ModuleLayer.boot().findModule(Simd.MODULE).isPresent(),
                "needs --add-modules " + Simd.MODULE + " to compare vector kernels with their scalar twins");
    }

    /** Uniform values in [-1, 1) with a few exact zeros and repeated values, from {@code random}. */
    static double[] values(Random random, int length) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(16);
            values[i] = kind == 0 ? 0.0 : kind == 1 ? 0.5 : random.nextDouble() * 2 - 1;
        }
        return values;
    }

    /** Whole numbers in [from, to) from {@code random}: sums of a few of them are exact in any order. */
    static double[] integers(Random random, int length, int from, int to) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = from + random.nextInt(to - from);
        }
        return values;
    }

    /** Fails unless both arrays hold the same bits (NaNs compared as NaN), naming the first difference. */
    static void assertBitwiseEquals(double[] expected, double[] actual, String what) {
        if (expected.length != actual.length) {
            fail(what + ": lengths differ, " + expected.length + " vs " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                fail(what + ": first difference at index " + i + ": expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }

    /**
     * The sums [from, from + count) added pairwise, as {@link Cascade} adds chunks: the first 2^h (the
     * largest power of two &lt;= count) as a balanced tree, plus the rest formed the same way.
     */
    static double pairwise(double[] sums, int from, int count) {
        if (count == 1) {
            return sums[from];
        }
        int power = Integer.highestOneBit(count);
        if (power == count) {
            return pairwise(sums, from, count / 2) + pairwise(sums, from + count / 2, count / 2);
        }
        return pairwise(sums, from, power) + pairwise(sums, from + power, count - power);
    }
}
