package org.equireg.core.kernels;

/** The scalar twin of {@link VectorWeightGradientKernel}: one chain per element, positions in order. */
final class ScalarWeightGradientKernel implements WeightGradientKernel {
    static final ScalarWeightGradientKernel INSTANCE = new ScalarWeightGradientKernel();

    private ScalarWeightGradientKernel() {
    }

    @Override
    public int lanes() {
        return 1;
    }

    @Override
    public void accumulate(double[] image, int[] offsets, int imageStride, double[] grad, int[] gradRows,
                           int gradStride, int count, int positions, double[] partial, int[] rows, int[] columns) {
        // All sixteen chains start from the values before this call, as the vector kernel's do, so
        // a repeated row or column computes the same sums instead of adding its terms twice.
        double[] sums = new double[16];
        for (int e = 0; e < 16; e++) {
            sums[e] = partial[rows[e / 4] + columns[e % 4]];
        }
        for (int e = 0; e < 16; e++) {
            double sum = sums[e];
            for (int n = 0; n < count; n++) {
                int grad0 = gradRows[e / 4] + n * gradStride;
                int image0 = offsets[e % 4] + n * imageStride;
                for (int i = 0; i < positions; i++) {
                    sum = Math.fma(grad[grad0 + i], image[image0 + i], sum);
                }
            }
            sums[e] = sum;
        }
        for (int e = 0; e < 16; e++) {
            partial[rows[e / 4] + columns[e % 4]] = sums[e];
        }
    }
}
