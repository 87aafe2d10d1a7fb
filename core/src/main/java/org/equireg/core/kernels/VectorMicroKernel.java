package org.equireg.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * An 8 x (2 vectors) tile of C in sixteen vector accumulators: per step p, two vector loads of B,
 * eight broadcasts of A and sixteen fused multiply-adds. Eight rows divide the usual channel and
 * batch counts, and two vectors (128 bytes with AVX-512) the usual widths; of the shapes tried
 * (6 or 8 rows by 2, 3 or 4 vectors) it was the fastest on convolution-like products and within
 * noise of the best on square ones. The scalar twin is {@link ScalarMicroKernel}.
 */
final class VectorMicroKernel implements MicroKernel {
    static final VectorMicroKernel INSTANCE = new VectorMicroKernel();

    private static final VectorSpecies<Double> SPECIES = VectorShape.SPECIES;
    private static final int LANES = VectorShape.LANES;
    private static final int ROWS = 8;
    private static final int COLUMNS = 2 * LANES;

    private VectorMicroKernel() {
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
        int r6 = cOffset + 6 * cRowStride;
        int r7 = cOffset + 7 * cRowStride;
        DoubleVector c00, c01, c10, c11, c20, c21, c30, c31;
        DoubleVector c40, c41, c50, c51, c60, c61, c70, c71;
        if (load) {
            c00 = DoubleVector.fromArray(SPECIES, c, r0); c01 = DoubleVector.fromArray(SPECIES, c, r0 + LANES);
            c10 = DoubleVector.fromArray(SPECIES, c, r1); c11 = DoubleVector.fromArray(SPECIES, c, r1 + LANES);
            c20 = DoubleVector.fromArray(SPECIES, c, r2); c21 = DoubleVector.fromArray(SPECIES, c, r2 + LANES);
            c30 = DoubleVector.fromArray(SPECIES, c, r3); c31 = DoubleVector.fromArray(SPECIES, c, r3 + LANES);
            c40 = DoubleVector.fromArray(SPECIES, c, r4); c41 = DoubleVector.fromArray(SPECIES, c, r4 + LANES);
            c50 = DoubleVector.fromArray(SPECIES, c, r5); c51 = DoubleVector.fromArray(SPECIES, c, r5 + LANES);
            c60 = DoubleVector.fromArray(SPECIES, c, r6); c61 = DoubleVector.fromArray(SPECIES, c, r6 + LANES);
            c70 = DoubleVector.fromArray(SPECIES, c, r7); c71 = DoubleVector.fromArray(SPECIES, c, r7 + LANES);
        } else {
            DoubleVector zero = DoubleVector.zero(SPECIES);
            c00 = zero; c01 = zero;
            c10 = zero; c11 = zero;
            c20 = zero; c21 = zero;
            c30 = zero; c31 = zero;
            c40 = zero; c41 = zero;
            c50 = zero; c51 = zero;
            c60 = zero; c61 = zero;
            c70 = zero; c71 = zero;
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
            DoubleVector a6 = DoubleVector.broadcast(SPECIES, a[ap + 6]);
            c60 = b0.fma(a6, c60); c61 = b1.fma(a6, c61);
            DoubleVector a7 = DoubleVector.broadcast(SPECIES, a[ap + 7]);
            c70 = b0.fma(a7, c70); c71 = b1.fma(a7, c71);
        }
        c00.intoArray(c, r0); c01.intoArray(c, r0 + LANES);
        c10.intoArray(c, r1); c11.intoArray(c, r1 + LANES);
        c20.intoArray(c, r2); c21.intoArray(c, r2 + LANES);
        c30.intoArray(c, r3); c31.intoArray(c, r3 + LANES);
        c40.intoArray(c, r4); c41.intoArray(c, r4 + LANES);
        c50.intoArray(c, r5); c51.intoArray(c, r5 + LANES);
        c60.intoArray(c, r6); c61.intoArray(c, r6 + LANES);
        c70.intoArray(c, r7); c71.intoArray(c, r7 + LANES);
    }
}
