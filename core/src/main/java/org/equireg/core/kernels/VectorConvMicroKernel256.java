package org.equireg.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Four output channels by three vectors of positions in twelve accumulators, the tile for vectors
 * narrower than 512 bits and a register file of 16 (AVX2; named after its 256 bits): with three image
 * vectors and a broadcast weight, sixteen registers are live per tap, where
 * {@link VectorConvMicroKernel}'s 4 x 4 tile needs twenty-one and spills. Per tap, three
 * vector loads of the image, four broadcast weights and twelve fused multiply-adds. The scalar twin is
 * {@link ScalarConvMicroKernel}; each output is the same chain whatever the tile.
 */
final class VectorConvMicroKernel256 implements ConvMicroKernel {
    static final VectorConvMicroKernel256 INSTANCE = new VectorConvMicroKernel256();

    private static final VectorSpecies<Double> SPECIES = VectorShape.SPECIES;
    private static final int LANES = VectorShape.LANES;

    private VectorConvMicroKernel256() {
    }

    @Override
    public int positions() {
        return 3 * LANES;
    }

    @Override
    public void correlate(double[] image, int[] offsets, double[] weights, int[] weightRows, double[] start,
                          double[] out, int[] outRows, int position) {
        int w0 = weightRows[0];
        int w1 = weightRows[1];
        int w2 = weightRows[2];
        int w3 = weightRows[3];
        DoubleVector s0 = DoubleVector.broadcast(SPECIES, start[0]);
        DoubleVector s1 = DoubleVector.broadcast(SPECIES, start[1]);
        DoubleVector s2 = DoubleVector.broadcast(SPECIES, start[2]);
        DoubleVector s3 = DoubleVector.broadcast(SPECIES, start[3]);
        DoubleVector c00 = s0, c01 = s0, c02 = s0;
        DoubleVector c10 = s1, c11 = s1, c12 = s1;
        DoubleVector c20 = s2, c21 = s2, c22 = s2;
        DoubleVector c30 = s3, c31 = s3, c32 = s3;
        for (int k = 0; k < offsets.length; k++) {
            int at = position + offsets[k];
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, image, at);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, image, at + LANES);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, image, at + 2 * LANES);
            DoubleVector k0 = DoubleVector.broadcast(SPECIES, weights[w0 + k]);
            c00 = x0.fma(k0, c00); c01 = x1.fma(k0, c01); c02 = x2.fma(k0, c02);
            DoubleVector k1 = DoubleVector.broadcast(SPECIES, weights[w1 + k]);
            c10 = x0.fma(k1, c10); c11 = x1.fma(k1, c11); c12 = x2.fma(k1, c12);
            DoubleVector k2 = DoubleVector.broadcast(SPECIES, weights[w2 + k]);
            c20 = x0.fma(k2, c20); c21 = x1.fma(k2, c21); c22 = x2.fma(k2, c22);
            DoubleVector k3 = DoubleVector.broadcast(SPECIES, weights[w3 + k]);
            c30 = x0.fma(k3, c30); c31 = x1.fma(k3, c31); c32 = x2.fma(k3, c32);
        }
        int r0 = outRows[0] + position;
        int r1 = outRows[1] + position;
        int r2 = outRows[2] + position;
        int r3 = outRows[3] + position;
        c00.intoArray(out, r0); c01.intoArray(out, r0 + LANES); c02.intoArray(out, r0 + 2 * LANES);
        c10.intoArray(out, r1); c11.intoArray(out, r1 + LANES); c12.intoArray(out, r1 + 2 * LANES);
        c20.intoArray(out, r2); c21.intoArray(out, r2 + LANES); c22.intoArray(out, r2 + 2 * LANES);
        c30.intoArray(out, r3); c31.intoArray(out, r3 + LANES); c32.intoArray(out, r3 + 2 * LANES);
    }
}
