package org.equireg.core.kernels;

/**
 * The innermost step of {@link DirectConvolution}: four output channels over a run of
 * {@link #positions()} consecutive positions of a zero-padded image flattened row by row, where a
 * term of the correlation, a channel and a tap of the kernel, is a fixed offset.
 *
 * <p>For row r in 0..3 and each position i of the run: {@code s = start[r]}, then
 * {@code s = fma(image[i + offsets[k]], weights[weightRows[r] + k], s)} for k = 0, 1, ... in order;
 * then {@code out[outRows[r] + i] = s}. Every implementation performs this sequence, so all give the
 * same bits.
 */
interface ConvMicroKernel {
    /** Positions per call. */
    int positions();

    /**
     * @param image read at {@code position + offsets[k]} onwards. Not modified.
     * @param offsets where term k reads the image, relative to the position
     * @param weights row r's weights at {@code weightRows[r]}, one per term. Not modified.
     * @param start the four chains' starting values
     * @param out row r written at {@code outRows[r] + position}; rows may repeat (the same values are
     *     written again). Modified.
     */
    void correlate(double[] image, int[] offsets, double[] weights, int[] weightRows, double[] start,
                   double[] out, int[] outRows, int position);
}
