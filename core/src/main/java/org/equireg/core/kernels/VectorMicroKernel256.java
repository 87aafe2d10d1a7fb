package org.equireg.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A 4 x (2 vectors) tile of C in eight vector accumulators, the tile for vectors narrower than 512
 * bits and a register file of 16 (AVX2; named after its 256 bits). Per step p, two vector loads of B,
 * four broadcasts of A and eight fused multiply-adds: at most fourteen registers live, however C2
 * orders the broadcasts. The 6 x 2 tile of Haswell's BLAS kernels (twelve accumulators) leaves one
 * register spare on paper, but C2 loads two broadcasts at a time, and its register allocation then
 * depends on the profile it compiles with: in some JVMs it spilled accumulators inside the loop over p,
 * at less than half the speed. The scalar twin is {@link ScalarMicroKernel}; each element is the same
 * chain whatever the tile.
 */
final class VectorMicroKernel256 implements MicroKernel {
    static final VectorMicroKernel256 INSTANCE = new VectorMicroKernel256();

    private static final VectorSpecies<Double> SPECIES = VectorShape.SPECIES;
    private static final int LANES = VectorShape.LANES;
    private static final int ROWS = 4;
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
        DoubleVector c00, c01, c10, c11, c20, c21, c30, c31;
        if (load) {
            c00 = DoubleVector.fromArray(SPECIES, c, r0); c01 = DoubleVector.fromArray(SPECIES, c, r0 + LANES);
            c10 = DoubleVector.fromArray(SPECIES, c, r1); c11 = DoubleVector.fromArray(SPECIES, c, r1 + LANES);
            c20 = DoubleVector.fromArray(SPECIES, c, r2); c21 = DoubleVector.fromArray(SPECIES, c, r2 + LANES);
            c30 = DoubleVector.fromArray(SPECIES, c, r3); c31 = DoubleVector.fromArray(SPECIES, c, r3 + LANES);
        } else {
            DoubleVector zero = DoubleVector.zero(SPECIES);
            c00 = zero; c01 = zero;
            c10 = zero; c11 = zero;
            c20 = zero; c21 = zero;
            c30 = zero; c31 = zero;
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
        }
        c00.intoArray(c, r0); c01.intoArray(c, r0 + LANES);
        c10.intoArray(c, r1); c11.intoArray(c, r1 + LANES);
        c20.intoArray(c, r2); c21.intoArray(c, r2 + LANES);
        c30.intoArray(c, r3); c31.intoArray(c, r3 + LANES);
    }
}
