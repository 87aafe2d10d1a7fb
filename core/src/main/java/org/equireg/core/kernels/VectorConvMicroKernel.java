package org.equireg.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Four output channels by four vectors of positions in sixteen accumulators: per tap, four vector
 * loads of the image, four broadcast weights and sixteen fused multiply-adds, so each image load
 * feeds four output channels. The scalar twin is {@link ScalarConvMicroKernel}.
 */
final class VectorConvMicroKernel implements ConvMicroKernel {
    static final VectorConvMicroKernel INSTANCE = new VectorConvMicroKernel();

    private static final VectorSpecies<Double> SPECIES = VectorShape.SPECIES;
    private static final int LANES = VectorShape.LANES;

    private VectorConvMicroKernel() {
    }

    @Override
    public int positions() {
        return 4 * LANES;
    }

    @Override
    public void correlate(double[] image, int[] offsets, double[] weights, int weightOffset, double[] start,
                          double[] out, int[] outRows, int position) {
        DoubleVector s0 = DoubleVector.broadcast(SPECIES, start[0]);
        DoubleVector s1 = DoubleVector.broadcast(SPECIES, start[1]);
        DoubleVector s2 = DoubleVector.broadcast(SPECIES, start[2]);
        DoubleVector s3 = DoubleVector.broadcast(SPECIES, start[3]);
        DoubleVector c00 = s0, c01 = s0, c02 = s0, c03 = s0;
        DoubleVector c10 = s1, c11 = s1, c12 = s1, c13 = s1;
        DoubleVector c20 = s2, c21 = s2, c22 = s2, c23 = s2;
        DoubleVector c30 = s3, c31 = s3, c32 = s3, c33 = s3;
        for (int k = 0; k < offsets.length; k++) {
            int at = position + offsets[k];
            int w = weightOffset + ROWS * k;
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, image, at);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, image, at + LANES);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, image, at + 2 * LANES);
            DoubleVector x3 = DoubleVector.fromArray(SPECIES, image, at + 3 * LANES);
            DoubleVector k0 = DoubleVector.broadcast(SPECIES, weights[w]);
            c00 = x0.fma(k0, c00); c01 = x1.fma(k0, c01); c02 = x2.fma(k0, c02); c03 = x3.fma(k0, c03);
            DoubleVector k1 = DoubleVector.broadcast(SPECIES, weights[w + 1]);
            c10 = x0.fma(k1, c10); c11 = x1.fma(k1, c11); c12 = x2.fma(k1, c12); c13 = x3.fma(k1, c13);
            DoubleVector k2 = DoubleVector.broadcast(SPECIES, weights[w + 2]);
            c20 = x0.fma(k2, c20); c21 = x1.fma(k2, c21); c22 = x2.fma(k2, c22); c23 = x3.fma(k2, c23);
            DoubleVector k3 = DoubleVector.broadcast(SPECIES, weights[w + 3]);
            c30 = x0.fma(k3, c30); c31 = x1.fma(k3, c31); c32 = x2.fma(k3, c32); c33 = x3.fma(k3, c33);
        }
        int r0 = outRows[0] + position;
        int r1 = outRows[1] + position;
        int r2 = outRows[2] + position;
        int r3 = outRows[3] + position;
        c00.intoArray(out, r0); c01.intoArray(out, r0 + LANES); c02.intoArray(out, r0 + 2 * LANES); c03.intoArray(out, r0 + 3 * LANES);
        c10.intoArray(out, r1); c11.intoArray(out, r1 + LANES); c12.intoArray(out, r1 + 2 * LANES); c13.intoArray(out, r1 + 3 * LANES);
        c20.intoArray(out, r2); c21.intoArray(out, r2 + LANES); c22.intoArray(out, r2 + 2 * LANES); c23.intoArray(out, r2 + 3 * LANES);
        c30.intoArray(out, r3); c31.intoArray(out, r3 + LANES); c32.intoArray(out, r3 + 2 * LANES); c33.intoArray(out, r3 + 3 * LANES);
    }
}
