package org.equireg.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Four output channels by two vectors of positions in eight accumulators, the tile for vectors
 * narrower than 512 bits and a register file of 16 (AVX2; named after its 256 bits). Per tap, two
 * vector loads of the image, four broadcast weights and eight fused multiply-adds: at most fourteen
 * registers live, however C2 orders the four broadcasts. A 4 x 3 tile needs all sixteen (twelve
 * accumulators, three image vectors, a broadcast), and C2's register allocation then depends on the
 * profile it compiles with: in some JVMs it spilled accumulators inside the tap loop, at less than
 * half the speed, for both element types. The scalar twin is {@link ScalarConvMicroKernel}; each
 * output is the same chain whatever the tile.
 */
final class VectorConvMicroKernel256 implements ConvMicroKernel {
    static final VectorConvMicroKernel256 INSTANCE = new VectorConvMicroKernel256();

    private static final VectorSpecies<Double> SPECIES = VectorShape.SPECIES;
    private static final int LANES = VectorShape.LANES;

    private VectorConvMicroKernel256() {
    }

    @Override
    public int positions() {
        return 2 * LANES;
    }

    @Override
    public void correlate(double[] image, int[] offsets, double[] weights, int weightOffset, double[] start,
                          double[] out, int[] outRows, int position) {
        DoubleVector s0 = DoubleVector.broadcast(SPECIES, start[0]);
        DoubleVector s1 = DoubleVector.broadcast(SPECIES, start[1]);
        DoubleVector s2 = DoubleVector.broadcast(SPECIES, start[2]);
        DoubleVector s3 = DoubleVector.broadcast(SPECIES, start[3]);
        DoubleVector c00 = s0, c01 = s0;
        DoubleVector c10 = s1, c11 = s1;
        DoubleVector c20 = s2, c21 = s2;
        DoubleVector c30 = s3, c31 = s3;
        for (int k = 0; k < offsets.length; k++) {
            int at = position + offsets[k];
            int w = weightOffset + ROWS * k;
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, image, at);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, image, at + LANES);
            DoubleVector k0 = DoubleVector.broadcast(SPECIES, weights[w]);
            c00 = x0.fma(k0, c00); c01 = x1.fma(k0, c01);
            DoubleVector k1 = DoubleVector.broadcast(SPECIES, weights[w + 1]);
            c10 = x0.fma(k1, c10); c11 = x1.fma(k1, c11);
            DoubleVector k2 = DoubleVector.broadcast(SPECIES, weights[w + 2]);
            c20 = x0.fma(k2, c20); c21 = x1.fma(k2, c21);
            DoubleVector k3 = DoubleVector.broadcast(SPECIES, weights[w + 3]);
            c30 = x0.fma(k3, c30); c31 = x1.fma(k3, c31);
        }
        int r0 = outRows[0] + position;
        int r1 = outRows[1] + position;
        int r2 = outRows[2] + position;
        int r3 = outRows[3] + position;
        c00.intoArray(out, r0); c01.intoArray(out, r0 + LANES);
        c10.intoArray(out, r1); c11.intoArray(out, r1 + LANES);
        c20.intoArray(out, r2); c21.intoArray(out, r2 + LANES);
        c30.intoArray(out, r3); c31.intoArray(out, r3 + LANES);
    }
}
