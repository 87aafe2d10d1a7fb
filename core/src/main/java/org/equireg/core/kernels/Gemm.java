package org.equireg.core.kernels;

import java.util.Arrays;

/**
 * General matrix multiply, {@code C = op(A) op(B)} or {@code C += op(A) op(B)}, row-major (BLAS dgemm
 * with alpha = 1 and beta = 0 or 1).
 *
 * <p>Every element is computed by one fixed sequence of operations. The sum over p is cut into
 * chunks of {@link Cascade#DEPTH} terms (2^16 in float64, 256 in float32). Each chunk is one chain,
 * {@code c = fma(op(A)[i][p], op(B)[p][j], c)} for its p in order (one rounding per term), starting
 * from {@code accumulate ? C[i][j] : 0} for the first chunk and from 0 for the others; the chunk sums
 * are then added pairwise as {@link Cascade} describes, so that a long float32 sum stays accurate.
 * Every variant below, the vector and scalar paths and every thread count follow it, so they all give
 * the same bits; with {@code k <= DEPTH} the element is the one chain, and a product split along k into
 * several calls with {@code accumulate = true}, k at most DEPTH in all, gives the same bits as one call.
 */
public final class Gemm {
    /**
     * Up to this many multiply-adds the product runs as {@link SimpleGemm}'s plain loops: packing,
     * tiling and dispatch would cost more than they save (measured crossover between 32^3 and 48^3).
     */
    static final long SIMPLE_MAX_MULTIPLY_ADDS = 32L * 32 * 32;
    /**
     * Products with at most this many rows also run as plain loops: a micro-kernel tile of 4 or 6
     * rows would mostly multiply padding, while the loops stream B once per row.
     */
    static final int SIMPLE_MAX_ROWS = 2;

    private Gemm() {
    }

    /**
     * @param transA when true A is stored (k, m) and used transposed; else stored (m, k)
     * @param transB when true B is stored (n, k) and used transposed; else stored (k, n)
     * @param m rows of C, n columns of C, k terms of each sum; all &gt;= 0
     * @param a A at {@code aOffset}. Not modified.
     * @param b B at {@code bOffset}. Not modified.
     * @param c (m, n) at {@code cOffset}, not overlapping A or B. Modified.
     * @param accumulate add to C; when false C's old values are ignored, NaN included
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            double[] a, int aOffset, double[] b, int bOffset,
                            double[] c, int cOffset, boolean accumulate) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("Gemm.gemm: sizes must be >= 0, got m = " + m + ", n = " + n
                    + ", k = " + k);
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                Arrays.fill(c, cOffset, cOffset + m * n, 0.0);
            }
            return;
        }
        if ((long) m * n * k <= SIMPLE_MAX_MULTIPLY_ADDS || m <= SIMPLE_MAX_ROWS) {
            SimpleGemm.gemm(transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset, accumulate);
        } else {
            PackedGemm.gemm(transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset, accumulate);
        }
    }

    /**
     * {@code batches} independent products, number i reading A at {@code aOffset + i * aStride} and
     * B at {@code bOffset + i * bStride} and writing C at {@code cOffset + i * cStride}; each one as
     * {@link #gemm}, so the bits are the same as calling it in a loop. Many small products run in
     * parallel one per task; few big ones run one after another, each split over the pool.
     *
     * @param aStride distance between consecutive A's; 0 reuses one A for every product (likewise B)
     */
    public static void gemmBatched(boolean transA, boolean transB, int batches, int m, int n, int k,
                                   double[] a, int aOffset, int aStride, double[] b, int bOffset, int bStride,
                                   double[] c, int cOffset, int cStride, boolean accumulate) {
        long flopsEach = 2L * m * n * k;
        boolean acrossProducts = batches >= 4 * Parallel.threads() || flopsEach < Parallel.MIN_PARALLEL_FLOPS;
        if (acrossProducts) {
            Parallel.forEach(batches, flopsEach * batches, i -> gemm(transA, transB, m, n, k,
                    a, aOffset + i * aStride, b, bOffset + i * bStride, c, cOffset + i * cStride, accumulate));
            return;
        }
        for (int i = 0; i < batches; i++) {
            gemm(transA, transB, m, n, k, a, aOffset + i * aStride, b, bOffset + i * bStride,
                    c, cOffset + i * cStride, accumulate);
        }
    }
}
