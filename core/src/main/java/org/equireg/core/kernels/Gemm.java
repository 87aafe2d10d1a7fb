package org.equireg.core.kernels;

/**
 * General matrix multiply, {@code C = op(A) * op(B)} or {@code C += op(A) * op(B)}, row-major.
 */
public final class Gemm {
    private Gemm() {
    }

    /**
     * @param transA when true A is stored (k, m) and used transposed; else stored (m, k)
     * @param transB when true B is stored (n, k) and used transposed; else stored (k, n)
     * @param c (m, n) at {@code cOffset}. Modified.
     * @param accumulate add to C instead of overwriting it
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            double[] a, int aOffset, double[] b, int bOffset,
                            double[] c, int cOffset, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double left = transA ? a[aOffset + p * m + i] : a[aOffset + i * k + p];
                    double right = transB ? b[bOffset + j * k + p] : b[bOffset + p * n + j];
                    sum += left * right;
                }
                int index = cOffset + i * n + j;
                c[index] = accumulate ? c[index] + sum : sum;
            }
        }
    }
}
