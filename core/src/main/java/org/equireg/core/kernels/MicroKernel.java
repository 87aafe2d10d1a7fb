package org.equireg.core.kernels;

/**
 * The innermost step of {@link PackedGemm}: one {@code rows() x columns()} tile of C from a packed
 * strip of A and a strip of B whose rows are contiguous.
 *
 * <p>For every tile element, {@code c = load ? C[i][j] : 0}, then {@code c = fma(a[p][i], b[p][j], c)}
 * for {@code p = 0 .. depth - 1} in order, then {@code C[i][j] = c}: the sequence of operations the
 * {@link Gemm} contract fixes, so every implementation gives the same bits.
 */
interface MicroKernel {
    /** Rows of the tile (MR). */
    int rows();

    /** Columns of the tile (NR). */
    int columns();

    /**
     * @param depth terms of the sum (kc)
     * @param a packed A strip, element (i, p) at {@code a[aOffset + p * rows() + i]}. Not modified.
     * @param b B strip, element (p, j) at {@code b[bOffset + p * bRowStride + j]}. Not modified.
     * @param c the tile, element (i, j) at {@code c[cOffset + i * cRowStride + j]}. Modified.
     * @param load start from the tile's values instead of zero
     */
    void multiply(int depth, double[] a, int aOffset, double[] b, int bOffset, int bRowStride,
                  double[] c, int cOffset, int cRowStride, boolean load);
}
