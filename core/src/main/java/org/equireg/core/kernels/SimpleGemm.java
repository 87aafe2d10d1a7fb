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
                for (int j = 0; j < n; j++) {
                    double sum = accumulate ? c[row + j] : 0.0;
                    for (int p = 0; p < k; p++) {
                        double left = transA ? a[aOffset + p * m + i] : a[aOffset + i * k + p];
                        sum = Math.fma(left, b[bOffset + j * k + p], sum);
                    }
                    c[row + j] = sum;
                }
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
}
