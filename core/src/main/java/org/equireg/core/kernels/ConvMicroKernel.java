package org.equireg.core.kernels;

/**
 * The innermost step of {@link DirectConvolution}: four output channels over a run of
 * {@link #positions()} consecutive positions of a zero-padded image flattened row by row, where a
 * term of the correlation, a channel and a tap of the kernel, is a fixed offset.
 *
 * <p>For row r in 0..3 and each position i of the run: {@code s = start[r]}, then
 * {@code s = fma(image[i + offsets[k]], weights[weightOffset + ROWS * k + r], s)} for k = 0, 1, ... in
 * order; then {@code out[outRows[r] + i] = s}. Every implementation performs this sequence, so all give
 * the same bits.
 *
 * <p>The four weights of a term are adjacent ({@link #pack}), so that a kernel addresses all of them
 * from one index: with four separate rows the index arithmetic took four more integer registers,
 * which C2 then spilled, some of them into vector registers the tile needed.
 */
interface ConvMicroKernel {
    /** Output channels per call. */
    int ROWS = 4;

    /**
     * Weights in the layout {@link #correlate} reads: {@code weights} holds {@code channels} rows of
     * {@code terms} each; block b of the result holds rows 4b .. 4b + 3, term k of row 4b + r at
     * {@code (b terms + k) ROWS + r}. Rows past the last repeat it (a kernel computes them harmlessly).
     */
    static double[] pack(double[] weights, int channels, int terms) {
        int blocks = (channels + ROWS - 1) / ROWS;
        double[] packed = new double[blocks * terms * ROWS];
        for (int b = 0; b < blocks; b++) {
            for (int r = 0; r < ROWS; r++) {
                int row = Math.min(b * ROWS + r, channels - 1) * terms;
                int to = b * terms * ROWS + r;
                for (int k = 0; k < terms; k++) {
                    packed[to + k * ROWS] = weights[row + k];
                }
            }
        }
        return packed;
    }

    /** Positions per call. */
    int positions();

    /**
     * @param image read at {@code position + offsets[k]} onwards. Not modified.
     * @param offsets where term k reads the image, relative to the position
     * @param weights the four rows' weights, packed ({@link #pack}) from {@code weightOffset}. Not modified.
     * @param start the four chains' starting values
     * @param out row r written at {@code outRows[r] + position}; rows may repeat (the same values are
     *     written again). Modified.
     */
    void correlate(double[] image, int[] offsets, double[] weights, int weightOffset, double[] start,
                   double[] out, int[] outRows, int position);
}
