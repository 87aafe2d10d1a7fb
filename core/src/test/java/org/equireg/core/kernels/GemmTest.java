package org.equireg.core.kernels;

import static org.equireg.core.kernels.KernelTesting.SEED;
import static org.equireg.core.kernels.KernelTesting.assertBitwiseEquals;
import static org.equireg.core.kernels.KernelTesting.assumeVectorModule;
import static org.equireg.core.kernels.KernelTesting.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every Gemm variant against the contract's reference: one fma chain per element, compared bit for bit.
 */
class GemmTest {
    private static final int A_OFFSET = 3;
    private static final int B_OFFSET = 5;
    private static final int C_OFFSET = 7;

    /**
     * Sizes around the micro-kernel tiles (4 and 8 rows, 4 and 16 columns), the blocks (MC = 96,
     * KC = 256) and the deeper panels of products with few rows (1536 deep for 9 rows); in float32 the
     * deeper ones are also several chunks of the cascade (256 terms each), 7 and 8 for the last two.
     */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 9, 4}, {7, 1, 5}, {2, 3, 1}, {6, 16, 8}, {5, 17, 3}, {13, 31, 29}, {48, 48, 48},
        {49, 50, 51}, {97, 33, 257}, {100, 130, 300}, {193, 20, 40}, {12, 70, 520}, {9, 20, 1600},
        {2, 3, 1800}, {11, 5, 1799},
    };

    /** One variant of the product, called like {@link Gemm#gemm}. */
    private interface Variant {
        void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOffset,
                  double[] b, int bOffset, double[] c, int cOffset, boolean accumulate);
    }

    /**
     * The contract, literally: per element, chunks of {@link Cascade#DEPTH} terms, each an fma chain (the
     * first from C when accumulating, the others from 0), the chunk sums then added pairwise.
     */
    private static void reference(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOffset,
                                  double[] b, int bOffset, double[] c, int cOffset, boolean accumulate) {
        int chunks = (k + Cascade.DEPTH - 1) / Cascade.DEPTH;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double[] sums = new double[chunks];
                for (int p = 0; p < k; p++) {
                    double left = transA ? a[aOffset + p * m + i] : a[aOffset + i * k + p];
                    double right = transB ? b[bOffset + j * k + p] : b[bOffset + p * n + j];
                    int chunk = p / Cascade.DEPTH;
                    double start = p % Cascade.DEPTH != 0 ? sums[chunk]
                            : chunk == 0 && accumulate ? c[cOffset + i * n + j] : 0.0;
                    sums[chunk] = Math.fma(left, right, start);
                }
                c[cOffset + i * n + j] = KernelTesting.pairwise(sums, 0, chunks);
            }
        }
    }

    /** Runs {@code variant} on every shape, transpose and accumulate flag; returns how many cases it checked. */
    private static int checkAgainstReference(Variant variant, String name) {
        Random random = new Random(SEED);
        int cases = 0;
        for (int[] shape : SHAPES) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            double[] a = values(random, A_OFFSET + m * k + 2);
            double[] b = values(random, B_OFFSET + k * n + 2);
            double[] initial = values(random, C_OFFSET + m * n + 2);
            for (int flags = 0; flags < 8; flags++) {
                boolean transA = (flags & 1) != 0;
                boolean transB = (flags & 2) != 0;
                boolean accumulate = (flags & 4) != 0;
                double[] expected = initial.clone();
                double[] actual = initial.clone();
                if (!accumulate) {
                    // Old values of C must be ignored, NaN included.
                    Arrays.fill(actual, C_OFFSET, C_OFFSET + m * n, Double.NaN);
                    Arrays.fill(expected, C_OFFSET, C_OFFSET + m * n, Double.NaN);
                }
                reference(transA, transB, m, n, k, a, A_OFFSET, b, B_OFFSET, expected, C_OFFSET, accumulate);
                variant.gemm(transA, transB, m, n, k, a, A_OFFSET, b, B_OFFSET, actual, C_OFFSET, accumulate);
                assertBitwiseEquals(expected, actual, name + " " + m + "x" + n + "x" + k + " transA=" + transA
                        + " transB=" + transB + " accumulate=" + accumulate);
                cases++;
            }
        }
        return cases;
    }

    @Test
    void facadeFollowsTheContractBitForBit() {
        assertEquals(8 * SHAPES.length, checkAgainstReference(Gemm::gemm, "Gemm.gemm"));
    }

    @Test
    void simpleLoopsFollowTheContractBitForBit() {
        assertEquals(8 * SHAPES.length, checkAgainstReference(SimpleGemm::gemm, "SimpleGemm"));
    }

    @Test
    void packedWithScalarMicroKernelFollowsTheContractBitForBit() {
        Variant packed = (ta, tb, m, n, k, a, ao, b, bo, c, co, acc) ->
                PackedGemm.gemm(ScalarMicroKernel.INSTANCE, ta, tb, m, n, k, a, ao, b, bo, c, co, acc);
        assertEquals(8 * SHAPES.length, checkAgainstReference(packed, "PackedGemm(scalar)"));
    }

    @Test
    void packedWithVectorMicroKernelFollowsTheContractBitForBit() {
        assumeVectorModule();
        Variant packed = (ta, tb, m, n, k, a, ao, b, bo, c, co, acc) ->
                PackedGemm.gemm(VectorMicroKernel.INSTANCE, ta, tb, m, n, k, a, ao, b, bo, c, co, acc);
        assertEquals(8 * SHAPES.length, checkAgainstReference(packed, "PackedGemm(vector)"));
    }

    /** Sums of several chunks in either element type (5 and 3 chunks), through the simple and packed loops. */
    @Test
    void longSumsFollowTheCascadeBitForBit() {
        Random random = new Random(SEED);
        for (int[] shape : new int[][] {{2, 3, 5 * Cascade.DEPTH + 3}, {9, 6, 3 * Cascade.DEPTH + 1}}) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            double[] a = values(random, m * k);
            double[] b = values(random, k * n);
            double[] initial = values(random, m * n);
            for (int flags = 0; flags < 8; flags++) {
                boolean transA = (flags & 1) != 0;
                boolean transB = (flags & 2) != 0;
                boolean accumulate = (flags & 4) != 0;
                double[] expected = initial.clone();
                double[] actual = initial.clone();
                reference(transA, transB, m, n, k, a, 0, b, 0, expected, 0, accumulate);
                Gemm.gemm(transA, transB, m, n, k, a, 0, b, 0, actual, 0, accumulate);
                assertBitwiseEquals(expected, actual, m + "x" + n + "x" + k + " flags " + flags);
            }
        }
    }

    /** The 16-register tile, run here with whatever vectors this JVM prefers: the same bits. */
    @Test
    void packedWithFourRowVectorMicroKernelFollowsTheContractBitForBit() {
        assumeVectorModule();
        Variant packed = (ta, tb, m, n, k, a, ao, b, bo, c, co, acc) ->
                PackedGemm.gemm(VectorMicroKernel256.INSTANCE, ta, tb, m, n, k, a, ao, b, bo, c, co, acc);
        assertEquals(8 * SHAPES.length, checkAgainstReference(packed, "PackedGemm(vector 4x2)"));
    }

    /** 512-bit vectors (32 registers) take the 8 x 2 tile, narrower ones the 4 x 2, the scalar path its twin. */
    @Test
    void theTileFollowsTheVectorWidth() {
        MicroKernel expected = !Simd.vectorized() ? ScalarMicroKernel.INSTANCE
                : Simd.lanes() * 8 >= 64 ? VectorMicroKernel.INSTANCE : VectorMicroKernel256.INSTANCE;
        assertSame(expected, PackedGemm.microKernel());
    }

    @Test
    void panelWiderThanNcIsCovered() {
        Random random = new Random(SEED);
        int m = 9;
        int n = PackedGemm.NC + 37;
        int k = 11;
        double[] a = values(random, m * k);
        double[] b = values(random, k * n);
        double[] expected = new double[m * n];
        double[] actual = new double[m * n];
        reference(false, true, m, n, k, a, 0, b, 0, expected, 0, false);
        PackedGemm.gemm(false, true, m, n, k, a, 0, b, 0, actual, 0, false);
        assertBitwiseEquals(expected, actual, "PackedGemm n = NC + 37");
    }

    @Test
    void resultsAreBitwiseIdenticalForOneTwoAndFourThreads() {
        Random random = new Random(SEED);
        // A square-ish product (row blocks and column runs) and a weight-gradient-like one (few rows
        // and columns, a long sum: split by rows).
        for (int[] shape : new int[][] {{150, 170, 300}, {16, 9, 20000}}) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            assertFalse(2L * m * n * k < Parallel.MIN_PARALLEL_FLOPS, "the product must be big enough to run in parallel");
            double[] a = values(random, m * k);
            double[] b = values(random, k * n);
            for (int flags = 0; flags < 4; flags++) {
                boolean transA = (flags & 1) != 0;
                boolean transB = (flags & 2) != 0;
                double[] one = product(1, transA, transB, m, n, k, a, b);
                String name = m + "x" + n + "x" + k + " flags " + flags;
                assertBitwiseEquals(one, product(2, transA, transB, m, n, k, a, b), name + ": 2 threads vs 1");
                assertBitwiseEquals(one, product(4, transA, transB, m, n, k, a, b), name + ": 4 threads vs 1");
                double[] expected = new double[m * n];
                reference(transA, transB, m, n, k, a, 0, b, 0, expected, 0, false);
                assertBitwiseEquals(expected, one, name + ": 1 thread vs reference");
            }
        }
    }

    @Test
    void splittingTheSumIntoAccumulatingCallsGivesTheSameBits() {
        Random random = new Random(SEED);
        int m = 70;
        int n = 90;
        int k = 250; // one chunk in float32 too
        int split = 123;
        double[] a = values(random, m * k);
        double[] bFirst = values(random, split * n);
        double[] bRest = values(random, (k - split) * n);
        double[] b = new double[k * n];
        System.arraycopy(bFirst, 0, b, 0, bFirst.length);
        System.arraycopy(bRest, 0, b, bFirst.length, bRest.length);
        double[] whole = new double[m * n];
        Gemm.gemm(false, false, m, n, k, a, 0, b, 0, whole, 0, false);
        // A's columns [0, split) and [split, k) as (m, split) and (m, k - split) matrices.
        double[] aFirst = new double[m * split];
        double[] aRest = new double[m * (k - split)];
        for (int i = 0; i < m; i++) {
            System.arraycopy(a, i * k, aFirst, i * split, split);
            System.arraycopy(a, i * k + split, aRest, i * (k - split), k - split);
        }
        double[] pieces = new double[m * n];
        Gemm.gemm(false, false, m, n, split, aFirst, 0, bFirst, 0, pieces, 0, false);
        Gemm.gemm(false, false, m, n, k - split, aRest, 0, bRest, 0, pieces, 0, true);
        assertBitwiseEquals(whole, pieces, "one call vs two accumulating calls");
    }

    @Test
    void batchedEqualsALoopOfProductsForAnyThreadCount() {
        Random random = new Random(SEED);
        for (int[] shape : new int[][] {{7, 5, 3, 40}, {3, 70, 60, 80}}) {
            int batches = shape[0];
            int m = shape[1];
            int n = shape[2];
            int k = shape[3];
            double[] a = values(random, m * k); // one A shared by every product: stride 0
            double[] b = values(random, 1 + batches * k * n);
            double[] expected = new double[batches * m * n];
            for (int i = 0; i < batches; i++) {
                reference(false, true, m, n, k, a, 0, b, 1 + i * k * n, expected, i * m * n, false);
            }
            for (int threads : new int[] {1, 2, 4}) {
                double[] actual = new double[batches * m * n];
                Parallel.withThreads(threads, () -> Gemm.gemmBatched(false, true, batches, m, n, k,
                        a, 0, 0, b, 1, k * n, actual, 0, m * n, false));
                assertBitwiseEquals(expected, actual, batches + " products of " + m + "x" + n + "x" + k + ", "
                        + threads + " threads");
            }
        }
    }

    @Test
    void emptySumClearsOrKeepsC() {
        double[] c = {1, 2, 3, 4, 5, 6, 7};
        Gemm.gemm(false, false, 2, 3, 0, new double[0], 0, new double[0], 0, c, 1, true);
        assertBitwiseEquals(new double[] {1, 2, 3, 4, 5, 6, 7}, c, "k = 0, accumulate");
        Gemm.gemm(false, false, 2, 3, 0, new double[0], 0, new double[0], 0, c, 1, false);
        assertBitwiseEquals(new double[] {1, 0, 0, 0, 0, 0, 0}, c, "k = 0, overwrite");
    }

    @Test
    void negativeSizeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, false, 2, -1, 3, new double[6], 0, new double[0], 0, new double[0], 0, false));
        assertEquals("Gemm.gemm: sizes must be >= 0, got m = 2, n = -1, k = 3", e.getMessage());
    }

    private static double[] product(int threads, boolean transA, boolean transB, int m, int n, int k,
                                    double[] a, double[] b) {
        double[] c = new double[m * n];
        Parallel.withThreads(threads, () -> Gemm.gemm(transA, transB, m, n, k, a, 0, b, 0, c, 0, false));
        return c;
    }
}
