package org.equireg.core.kernels;

/**
 * The innermost step of {@link DirectWeightGradient}: adds a run of images' terms to a tile of the
 * weight gradient, {@link #rows()} output channels (rows of the flattened output gradient) by
 * {@link #terms()} terms of the correlation (runs of the zero-padded image at fixed offsets), each
 * element kept as {@link #CHAINS} partial sums.
 *
 * <p>Element (r, s), chain l, starts from {@code partial[rows[r] + columns[s] + l]} and continues
 * with {@code fma(grad[gradRows[r] + n gradStride + i], image[offsets[s] + n imageStride + i], sum)}
 * for images n = 0 .. count - 1 and, within each, the positions {@code i = l, l + CHAINS, l + 2 CHAINS, ... < positions}
 * in increasing order; then it is stored back. The chain count is fixed, whatever the vector width,
 * so every kernel, scalar or vector, 256 or 512 bits, gives the same bits.
 */
interface WeightGradientKernel {
    /**
     * Partial sums per element: position i goes to chain {@code i mod CHAINS}. The lanes of a 512-bit
     * vector, fixed whatever the machine's width, so that the bits do not depend on it.
     */
    int CHAINS = 64 / Double.BYTES;

    /** Output channels (rows) per tile: the length of {@code gradRows} and {@code rows}. */
    int rows();

    /** Terms (columns) per tile: the length of {@code offsets} and {@code columns}. */
    int terms();

    /**
     * @param image image n read at {@code offsets[s] + n imageStride + i} for {@code i < positions}. Not modified.
     * @param grad image n's gradient read at {@code gradRows[r] + n gradStride + i}; {@code positions} is
     *     a multiple of {@link #CHAINS}. Not modified.
     * @param partial element (r, s)'s chains at {@code partial[rows[r] + columns[s]]}, ...,
     *     {@code + CHAINS - 1}; rows or columns may repeat (the same sums are computed and stored
     *     again). Modified.
     */
    void accumulate(double[] image, int[] offsets, int imageStride, double[] grad, int[] gradRows, int gradStride,
                    int count, int positions, double[] partial, int[] rows, int[] columns);
}
