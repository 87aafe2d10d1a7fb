package org.equireg.core.kernels;

/**
 * The scalar twin of {@link VectorConvMicroKernel} and {@link VectorConvMicroKernel256}: one chain at a
 * time, in the same order.
 */
final class ScalarConvMicroKernel implements ConvMicroKernel {
    static final ScalarConvMicroKernel INSTANCE = new ScalarConvMicroKernel();

    private static final int POSITIONS = 32;

    private ScalarConvMicroKernel() {
    }

    @Override
    public int positions() {
        return POSITIONS;
    }

    @Override
    public void correlate(double[] image, int[] offsets, double[] weights, int weightOffset, double[] start,
                          double[] out, int[] outRows, int position) {
        for (int r = 0; r < ROWS; r++) {
            for (int i = position; i < position + POSITIONS; i++) {
                double sum = start[r];
                for (int k = 0; k < offsets.length; k++) {
                    sum = Math.fma(image[i + offsets[k]], weights[weightOffset + ROWS * k + r], sum);
                }
                out[outRows[r] + i] = sum;
            }
        }
    }
}
