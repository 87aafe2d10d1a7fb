package org.equireg.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A 6 x (2 vectors) tile of C in twelve vector accumulators, the tile for vectors narrower than 512
 * bits and a register file of 16 (AVX2; named after its 256 bits): with the two B vectors and a broadcast of A, fifteen registers are live in the inner loop,
 * where {@link VectorMicroKernel}'s 8 x 2 tile needs nineteen and spills. Per step p, two vector loads
 * of B, six broadcasts of A and twelve fused multiply-adds: the same ratio of loads to multiply-adds
 * as Haswell's BLAS kernels (OpenBLAS's 6 x 16 float tile, BLIS's 6 x 8 double tile). The scalar twin
 * is {@link ScalarMicroKernel}; each element is the same chain whatever the tile.
 */
final class VectorMicroKernel256 implements MicroKernel {
    static final VectorMicroKernel256 INSTANCE = new VectorMicroKernel256();

    private static final VectorSpecies<Double> SPECIES = VectorShape.SPECIES;
    private static final int LANES = VectorShape.LANES;
    private static final int ROWS = 6;
    private static final int COLUMNS = 2 * LANES;

    private VectorMicroKernel256() {
    }

    @Override
    public int rows() {
        return ROWS;
    }

    @Override
    public int columns() {
        return COLUMNS;
    }

    @Override
    public void multiply(int depth, double[] a, int aOffset, double[] b, int bOffset, int bRowStride,
                         double[] c, int cOffset, int cRowStride, boolean load) {
        int r0 = cOffset;
        int r1 = cOffset + 1 * cRowStride;
        int r2 = cOffset + 2 * cRowStride;
        int r3 = cOffset + 3 * cRowStride;
        int r4 = cOffset + 4 * cRowStride;
        int r5 = cOffset + 5 * cRowStride;
        DoubleVector c00, c01, c10, c11, c20, c21, c30, c31;
        DoubleVector c40, c41, c50, c51;
        if (load) {
            c00 = DoubleVector.fromArray(SPECIES, c, r0); c01 = DoubleVector.fromArray(SPECIES, c, r0 + LANES);
            c10 = DoubleVector.fromArray(SPECIES, c, r1); c11 = DoubleVector.fromArray(SPECIES, c, r1 + LANES);
            c20 = DoubleVector.fromArray(SPECIES, c, r2); c21 = DoubleVector.fromArray(SPECIES, c, r2 + LANES);
            c30 = DoubleVector.fromArray(SPECIES, c, r3); c31 = DoubleVector.fromArray(SPECIES, c, r3 + LANES);
            c40 = DoubleVector.fromArray(SPECIES, c, r4); c41 = DoubleVector.fromArray(SPECIES, c, r4 + LANES);
            c50 = DoubleVector.fromArray(SPECIES, c, r5); c51 = DoubleVector.fromArray(SPECIES, c, r5 + LANES);
        } else {
            DoubleVector zero = DoubleVector.zero(SPECIES);
            c00 = zero; c01 = zero;
            c10 = zero; c11 = zero;
            c20 = zero; c21 = zero;
            c30 = zero; c31 = zero;
            c40 = zero; c41 = zero;
            c50 = zero; c51 = zero;
        }
        for (int p = 0; p < depth; p++) {
            int ap = aOffset + ROWS * p;
            int bp = bOffset + bRowStride * p;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bp + LANES);
            DoubleVector a0 = DoubleVector.broadcast(SPECIES, a[ap]);
            c00 = b0.fma(a0, c00); c01 = b1.fma(a0, c01);
            DoubleVector a1 = DoubleVector.broadcast(SPECIES, a[ap + 1]);
            c10 = b0.fma(a1, c10); c11 = b1.fma(a1, c11);
            DoubleVector a2 = DoubleVector.broadcast(SPECIES, a[ap + 2]);
            c20 = b0.fma(a2, c20); c21 = b1.fma(a2, c21);
            DoubleVector a3 = DoubleVector.broadcast(SPECIES, a[ap + 3]);
            c30 = b0.fma(a3, c30); c31 = b1.fma(a3, c31);
            DoubleVector a4 = DoubleVector.broadcast(SPECIES, a[ap + 4]);
            c40 = b0.fma(a4, c40); c41 = b1.fma(a4, c41);
            DoubleVector a5 = DoubleVector.broadcast(SPECIES, a[ap + 5]);
            c50 = b0.fma(a5, c50); c51 = b1.fma(a5, c51);
        }
        c00.intoArray(c, r0); c01.intoArray(c, r0 + LANES);
        c10.intoArray(c, r1); c11.intoArray(c, r1 + LANES);
        c20.intoArray(c, r2); c21.intoArray(c, r2 + LANES);
        c30.intoArray(c, r3); c31.intoArray(c, r3 + LANES);
        c40.intoArray(c, r4); c41.intoArray(c, r4 + LANES);
        c50.intoArray(c, r5); c51.intoArray(c, r5 + LANES);
    }
}
