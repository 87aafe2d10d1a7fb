package org.equireg.core.kernels;

import java.util.Arrays;

/**
 * The matrix product as plain loops, no packing and no threads, so nothing to amortise: the right
 * choice for small products. With B stored (k, n), row i of C accumulates {@code a[i][p] * row p of B}
 * for p in order, one {@link Elementwise#axpy} per step (vectorised over j). With B stored (n, k),
 * each element runs its chain along a contiguous row of B.
 */
final class SimpleGemm {
    private SimpleGemm() {
    }

    /** {@link Gemm#gemm}, same contract. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOffset,
                     double[] b, int bOffset, double[] c, int cOffset, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int row = cOffset + i * n;
            if (transB) {
                dotRow(transA, m, n, k, i, a, aOffset, b, bOffset, c, row, accumulate);
                continue;
            }
            if (!accumulate) {
                Arrays.fill(c, row, row + n, 0.0);
            }
            for (int p = 0; p < k; p++) {
                double left = transA ? a[aOffset + p * m + i] : a[aOffset + i * k + p];
                Elementwise.axpy(left, b, bOffset + p * n, c, row, n);
            }
        }
    }

    /**
     * Row i of C with B stored (n, k): each element's chain runs along a row of B. Four elements
     * at a time, so that four independent chains hide the latency of the fused multiply-add.
     */
    private static void dotRow(boolean transA, int m, int n, int k, int i, double[] a, int aOffset,
                               double[] b, int bOffset, double[] c, int row, boolean accumulate) {
        int aStep = transA ? m : 1;
        int aStart = transA ? aOffset + i : aOffset + i * k;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            double s0 = accumulate ? c[row + j] : 0.0;
            double s1 = accumulate ? c[row + j + 1] : 0.0;
            double s2 = accumulate ? c[row + j + 2] : 0.0;
            double s3 = accumulate ? c[row + j + 3] : 0.0;
            int b0 = bOffset + j * k;
            for (int p = 0; p < k; p++) {
                double left = a[aStart + p * aStep];
                s0 = Math.fma(left, b[b0 + p], s0);
                s1 = Math.fma(left, b[b0 + k + p], s1);
                s2 = Math.fma(left, b[b0 + 2 * k + p], s2);
                s3 = Math.fma(left, b[b0 + 3 * k + p], s3);
            }
            c[row + j] = s0;
            c[row + j + 1] = s1;
            c[row + j + 2] = s2;
            c[row + j + 3] = s3;
        }
        for (; j < n; j++) {
            double sum = accumulate ? c[row + j] : 0.0;
            for (int p = 0; p < k; p++) {
                sum = Math.fma(a[aStart + p * aStep], b[bOffset + j * k + p], sum);
            }
            c[row + j] = sum;
        }
    }
}
