package org.equireg.core.kernels;

import java.util.Arrays;

/**
 * The matrix product as plain loops, no packing and no threads, so nothing to amortise: the right
 * choice for small products. With B stored (k, n), row i of C accumulates {@code a[i][p] * row p of B}
 * for p in order, one {@link Elementwise#axpy} per step (vectorised over j). With B stored (n, k),
 * each element runs its chain along a contiguous row of B. A sum of several {@link Cascade} chunks is
 * computed a row of C at a time: each chunk into the row's work storage, then merged.
 */
final class SimpleGemm {
    private static final Scratch WORK = new Scratch();

    private SimpleGemm() {
    }

    /** {@link Gemm#gemm}, same contract; needs k &gt;= 1. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOffset,
                     double[] b, int bOffset, double[] c, int cOffset, boolean accumulate) {
        int chunks = Cascade.chunks(k);
        double[] work = chunks > 1 ? WORK.take(Cascade.slots(chunks) * n) : null;
        for (int i = 0; i < m; i++) {
            int row = cOffset + i * n;
            if (chunks == 1) {
                row(transA, transB, m, n, k, i, a, aOffset, b, bOffset, 0, k, c, row, accumulate);
                continue;
            }
            if (accumulate) {
                System.arraycopy(c, row, work, Cascade.slot(0, chunks) * n, n);
            }
            for (int chunk = 0; chunk < chunks; chunk++) {
                int from = chunk * Cascade.DEPTH;
                int to = Math.min(k, from + Cascade.DEPTH);
                int slot = Cascade.slot(chunk, chunks);
                row(transA, transB, m, n, k, i, a, aOffset, b, bOffset, from, to, work, slot * n,
                        chunk == 0 && accumulate);
                Cascade.merge(chunk, chunks, slot, work, n, 0, n, 1, n, c, row, n);
            }
        }
        if (work != null) {
            WORK.give(work);
        }
    }

    /**
     * Row i of C, terms [from, to) of each sum, into {@code out} at {@code at}: starting from its values when
     * {@code load}, else from zero.
     */
    private static void row(boolean transA, boolean transB, int m, int n, int k, int i, double[] a, int aOffset,
                            double[] b, int bOffset, int from, int to, double[] out, int at, boolean load) {
        if (transB) {
            dotRow(transA, m, n, k, i, a, aOffset, b, bOffset, from, to, out, at, load);
            return;
        }
        if (!load) {
            Arrays.fill(out, at, at + n, 0.0);
        }
        for (int p = from; p < to; p++) {
            double left = transA ? a[aOffset + p * m + i] : a[aOffset + i * k + p];
            Elementwise.axpy(left, b, bOffset + p * n, out, at, n);
        }
    }

    /**
     * {@link #row} with B stored (n, k): each element's chain runs along a row of B. Four elements
     * at a time, so that four independent chains hide the latency of the fused multiply-add.
     */
    private static void dotRow(boolean transA, int m, int n, int k, int i, double[] a, int aOffset,
                               double[] b, int bOffset, int from, int to, double[] out, int at, boolean load) {
        int aStep = transA ? m : 1;
        int aStart = transA ? aOffset + i : aOffset + i * k;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            double s0 = load ? out[at + j] : 0.0;
            double s1 = load ? out[at + j + 1] : 0.0;
            double s2 = load ? out[at + j + 2] : 0.0;
            double s3 = load ? out[at + j + 3] : 0.0;
            int b0 = bOffset + j * k;
            for (int p = from; p < to; p++) {
                double left = a[aStart + p * aStep];
                s0 = Math.fma(left, b[b0 + p], s0);
                s1 = Math.fma(left, b[b0 + k + p], s1);
                s2 = Math.fma(left, b[b0 + 2 * k + p], s2);
                s3 = Math.fma(left, b[b0 + 3 * k + p], s3);
            }
            out[at + j] = s0;
            out[at + j + 1] = s1;
            out[at + j + 2] = s2;
            out[at + j + 3] = s3;
        }
        for (; j < n; j++) {
            double sum = load ? out[at + j] : 0.0;
            for (int p = from; p < to; p++) {
                sum = Math.fma(a[aStart + p * aStep], b[bOffset + j * k + p], sum);
            }
            out[at + j] = sum;
        }
    }
}
