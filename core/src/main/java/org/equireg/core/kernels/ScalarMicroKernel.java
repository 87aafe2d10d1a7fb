package org.equireg.core.kernels;

/** The scalar twin of {@link VectorMicroKernel}: a 4 x 4 tile held in sixteen local accumulators. */
final class ScalarMicroKernel implements MicroKernel {
    static final ScalarMicroKernel INSTANCE = new ScalarMicroKernel();

    private ScalarMicroKernel() {
    }

    @Override
    public int rows() {
        return 4;
    }

    @Override
    public int columns() {
        return 4;
    }

    @Override
    public void multiply(int depth, double[] a, int aOffset, double[] b, int bOffset, int bRowStride,
                         double[] c, int cOffset, int cRowStride, boolean load) {
        int r0 = cOffset;
        int r1 = r0 + cRowStride;
        int r2 = r1 + cRowStride;
        int r3 = r2 + cRowStride;
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        if (load) {
            c00 = c[r0]; c01 = c[r0 + 1]; c02 = c[r0 + 2]; c03 = c[r0 + 3];
            c10 = c[r1]; c11 = c[r1 + 1]; c12 = c[r1 + 2]; c13 = c[r1 + 3];
            c20 = c[r2]; c21 = c[r2 + 1]; c22 = c[r2 + 2]; c23 = c[r2 + 3];
            c30 = c[r3]; c31 = c[r3 + 1]; c32 = c[r3 + 2]; c33 = c[r3 + 3];
        }
        for (int p = 0; p < depth; p++) {
            int ap = aOffset + 4 * p;
            int bp = bOffset + bRowStride * p;
            double b0 = b[bp], b1 = b[bp + 1], b2 = b[bp + 2], b3 = b[bp + 3];
            double a0 = a[ap];
            c00 = Math.fma(a0, b0, c00); c01 = Math.fma(a0, b1, c01); c02 = Math.fma(a0, b2, c02); c03 = Math.fma(a0, b3, c03);
            double a1 = a[ap + 1];
            c10 = Math.fma(a1, b0, c10); c11 = Math.fma(a1, b1, c11); c12 = Math.fma(a1, b2, c12); c13 = Math.fma(a1, b3, c13);
            double a2 = a[ap + 2];
            c20 = Math.fma(a2, b0, c20); c21 = Math.fma(a2, b1, c21); c22 = Math.fma(a2, b2, c22); c23 = Math.fma(a2, b3, c23);
            double a3 = a[ap + 3];
            c30 = Math.fma(a3, b0, c30); c31 = Math.fma(a3, b1, c31); c32 = Math.fma(a3, b2, c32); c33 = Math.fma(a3, b3, c33);
        }
        c[r0] = c00; c[r0 + 1] = c01; c[r0 + 2] = c02; c[r0 + 3] = c03;
        c[r1] = c10; c[r1 + 1] = c11; c[r1 + 2] = c12; c[r1 + 3] = c13;
        c[r2] = c20; c[r2 + 1] = c21; c[r2 + 2] = c22; c[r2 + 3] = c23;
        c[r3] = c30; c[r3 + 1] = c31; c[r3 + 2] = c32; c[r3 + 3] = c33;
    }
}
