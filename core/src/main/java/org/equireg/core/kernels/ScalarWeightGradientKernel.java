package org.equireg.core.kernels;

/** The scalar twin of the vector weight-gradient kernels: a 4 x 4 tile, one chain at a time. */
final class ScalarWeightGradientKernel implements WeightGradientKernel {
    static final ScalarWeightGradientKernel INSTANCE = new ScalarWeightGradientKernel();

    private ScalarWeightGradientKernel() {
    }

    @Override
    public int terms() {
        return 4;
    }

    @Override
    public void accumulate(double[] image, int[] offsets, int imageStride, double[] grad, int[] gradRows,
                           int gradStride, int count, int positions, double[] partial, int[] rows, int[] columns) {
        // All chains start from the values before this call, as the vector kernels' do, so a
        // repeated row or column computes the same sums instead of adding its terms twice.
        double[] sums = new double[16 * CHAINS];
        for (int e = 0; e < 16; e++) {
            System.arraycopy(partial, rows[e / 4] + columns[e % 4], sums, e * CHAINS, CHAINS);
        }
        for (int e = 0; e < 16; e++) {
            for (int n = 0; n < count; n++) {
                int grad0 = gradRows[e / 4] + n * gradStride;
                int image0 = offsets[e % 4] + n * imageStride;
                for (int i = 0; i < positions; i++) {
                    int chain = e * CHAINS + i % CHAINS;
                    sums[chain] = Math.fma(grad[grad0 + i], image[image0 + i], sums[chain]);
                }
            }
        }
        for (int e = 0; e < 16; e++) {
            System.arraycopy(sums, e * CHAINS, partial, rows[e / 4] + columns[e % 4], CHAINS);
        }
    }
}
