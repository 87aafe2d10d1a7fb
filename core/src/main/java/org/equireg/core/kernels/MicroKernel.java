package org.equireg.core.kernels;

/**
 * The innermost step of {@link PackedGemm}: one {@code rows() x columns()} tile of C from a packed
 * strip of A and a packed strip of B.
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
     * @param a packed A strip, {@code a[aOffset + p * rows() + i]}. Not modified.
     * @param b packed B strip, {@code b[bOffset + p * columns() + j]}. Not modified.
     * @param c the tile at {@code c[cOffset + i * rowStride + j]}. Modified.
     * @param load start from the tile's values instead of zero
     */
    void multiply(int depth, double[] a, int aOffset, double[] b, int bOffset,
                  double[] c, int cOffset, int rowStride, boolean load);
}
