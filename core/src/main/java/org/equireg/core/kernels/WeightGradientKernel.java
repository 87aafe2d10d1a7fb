package org.equireg.core.kernels;

/**
 * The innermost step of {@link DirectWeightGradient}: adds a run of images' terms to a 4 x 4 tile of the
 * weight gradient, four output channels (rows of the flattened output gradient) by four terms of
 * the correlation (runs of the zero-padded image at fixed offsets), each element kept as
 * {@link #lanes()} partial sums.
 *
 * <p>Element (r, s), partial sum l, starts from {@code partial[rows[r] + columns[s] + l]} and continues
 * with {@code fma(grad[gradRows[r] + n gradStride + i], image[offsets[s] + n imageStride + i], sum)}
 * for images n = 0 .. count - 1 and, within each, the positions {@code i = l, l + lanes, ... < positions}
 * in increasing order; then it is stored back.
 */
interface WeightGradientKernel {
    /** Partial sums per element: one for the scalar kernel, a vector's lanes for the vector one. */
    int lanes();

    /**
     * @param image image n read at {@code offsets[s] + n imageStride + i} for {@code i < positions}. Not modified.
     * @param grad image n's gradient read at {@code gradRows[r] + n gradStride + i}; {@code positions} is
     *     a multiple of {@link #lanes()}. Not modified.
     * @param partial element (r, s)'s partial sums at {@code partial[rows[r] + columns[s]]}, ...,
     *     {@code + lanes() - 1}; rows or columns may repeat (the same sums are computed and stored
     *     again). Modified.
     */
    void accumulate(double[] image, int[] offsets, int imageStride, double[] grad, int[] gradRows, int gradStride,
                    int count, int positions, double[] partial, int[] rows, int[] columns);
}
