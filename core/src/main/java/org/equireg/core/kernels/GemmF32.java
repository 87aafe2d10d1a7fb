// TEMPORARY stand-in on branch issue-11 until issue-11-kernels lands; replaced by the generated file on merge.
package org.equireg.core.kernels;

/** float32 twin of {@link Gemm} (stand-in: through float64). */
public final class GemmF32 {
    private GemmF32() {
    }

    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int aOffset, float[] b, int bOffset,
                            float[] c, int cOffset, boolean accumulate) {
        double[] wideC = Widen.widen(c);
        Gemm.gemm(transA, transB, m, n, k, Widen.widen(a), aOffset, Widen.widen(b), bOffset, wideC, cOffset, accumulate);
        Widen.narrowInto(wideC, c);
    }

    public static void gemmBatched(boolean transA, boolean transB, int batches, int m, int n, int k,
                                   float[] a, int aOffset, int aStride, float[] b, int bOffset, int bStride,
                                   float[] c, int cOffset, int cStride, boolean accumulate) {
        double[] wideC = Widen.widen(c);
        Gemm.gemmBatched(transA, transB, batches, m, n, k, Widen.widen(a), aOffset, aStride, Widen.widen(b), bOffset,
                bStride, wideC, cOffset, cStride, accumulate);
        Widen.narrowInto(wideC, c);
    }
}
