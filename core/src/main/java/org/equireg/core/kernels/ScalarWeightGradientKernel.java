package org.equireg.core.kernels;

/**
 * The scalar twin of the vector weight-gradient kernels: a 4 x 4 tile, one chain at a time. It
 * accepts tiles of any shape, so that tests can hold it to each vector kernel's tile.
 */
final class ScalarWeightGradientKernel implements WeightGradientKernel {
    static final ScalarWeightGradientKernel INSTANCE = new ScalarWeightGradientKernel();

    private ScalarWeightGradientKernel() {
    }

    @Override
    public int rows() {
        return 4;
    }

    @Override
    public int terms() {
        return 4;
    }

    @Override
    public void accumulate(double[] image, int[] offsets, int imageStride, double[] grad, int[] gradRows,
                           int gradStride, int count, int positions, double[] partial, int[] rows, int[] columns) {
        int height = rows.length;
        int width = columns.length;
        // All chains start from the values before this call, as the vector kernels' do, so a
        // repeated row or column computes the same sums instead of adding its terms twice.
        double[] sums = new double[height * width * CHAINS];
        for (int e = 0; e < height * width; e++) {
            System.arraycopy(partial, rows[e / width] + columns[e % width], sums, e * CHAINS, CHAINS);
        }
        for (int e = 0; e < height * width; e++) {
            for (int n = 0; n < count; n++) {
                int grad0 = gradRows[e / width] + n * gradStride;
                int image0 = offsets[e % width] + n * imageStride;
                for (int i = 0; i < positions; i++) {
                    int chain = e * CHAINS + i % CHAINS;
                    sums[chain] = Math.fma(grad[grad0 + i], image[image0 + i], sums[chain]);
                }
            }
        }
        for (int e = 0; e < height * width; e++) {
            System.arraycopy(sums, e * CHAINS, partial, rows[e / width] + columns[e % width], CHAINS);
        }
    }
}
