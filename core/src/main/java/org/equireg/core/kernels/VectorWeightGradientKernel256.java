package org.equireg.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * For 256-bit vectors and a register file of 16 (AVX2): a 4 x 3 tile, one half of each element's
 * {@link #CHAINS} chains at a time (one vector: the lower chains, then the upper ones), so twelve
 * accumulators, three image vectors and one gradient vector are live, sixteen registers. Per step of
 * CHAINS positions and per half, four vector loads of the output gradient, three of the image and
 * twelve fused multiply-adds. Each chain takes the same terms in the same order as in
 * {@link VectorWeightGradientKernel512} and the scalar twin {@link ScalarWeightGradientKernel}: the
 * halves are independent chains, so splitting them changes no sum.
 */
final class VectorWeightGradientKernel256 implements WeightGradientKernel {
    static final VectorWeightGradientKernel256 INSTANCE = new VectorWeightGradientKernel256();

    private static final VectorSpecies<Double> SPECIES = VectorShape.SPECIES;
    private static final int LANES = CHAINS / 2;

    private VectorWeightGradientKernel256() {
    }

    @Override
    public int rows() {
        return 4;
    }

    @Override
    public int terms() {
        return 3;
    }

    @Override
    public void accumulate(double[] image, int[] offsets, int imageStride, double[] grad, int[] gradRows,
                           int gradStride, int count, int positions, double[] partial, int[] rows, int[] columns) {
        // No vector crosses this call: each half loads and stores its own accumulators.
        accumulateHalf(image, offsets, imageStride, grad, gradRows, gradStride, count, positions, partial, rows,
                columns, 0);
        accumulateHalf(image, offsets, imageStride, grad, gradRows, gradStride, count, positions, partial, rows,
                columns, LANES);
    }

    /** The chains {@code half .. half + LANES - 1} of every element of the tile. */
    private static void accumulateHalf(double[] image, int[] offsets, int imageStride, double[] grad, int[] gradRows,
                                       int gradStride, int count, int positions, double[] partial, int[] rows,
                                       int[] columns, int half) {
        int p00 = rows[0] + columns[0] + half, p01 = rows[0] + columns[1] + half, p02 = rows[0] + columns[2] + half;
        int p10 = rows[1] + columns[0] + half, p11 = rows[1] + columns[1] + half, p12 = rows[1] + columns[2] + half;
        int p20 = rows[2] + columns[0] + half, p21 = rows[2] + columns[1] + half, p22 = rows[2] + columns[2] + half;
        int p30 = rows[3] + columns[0] + half, p31 = rows[3] + columns[1] + half, p32 = rows[3] + columns[2] + half;
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, partial, p00);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, partial, p01);
        DoubleVector c02 = DoubleVector.fromArray(SPECIES, partial, p02);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, partial, p10);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, partial, p11);
        DoubleVector c12 = DoubleVector.fromArray(SPECIES, partial, p12);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, partial, p20);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, partial, p21);
        DoubleVector c22 = DoubleVector.fromArray(SPECIES, partial, p22);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, partial, p30);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, partial, p31);
        DoubleVector c32 = DoubleVector.fromArray(SPECIES, partial, p32);
        int i0 = offsets[0] + half, i1 = offsets[1] + half, i2 = offsets[2] + half;
        int g0 = gradRows[0] + half, g1 = gradRows[1] + half, g2 = gradRows[2] + half, g3 = gradRows[3] + half;
        // One flat loop over (image, position): JDK 17's compiler boxes vectors carried through nested loops.
        int steps = positions / CHAINS;
        int gradSkip = gradStride - positions;
        int imageSkip = imageStride - positions;
        int g = 0;
        int x = 0;
        for (int k = 0, step = 0; k < count * steps; k++) {
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, image, i0 + x);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, image, i1 + x);
            DoubleVector a2 = DoubleVector.fromArray(SPECIES, image, i2 + x);
            DoubleVector d = DoubleVector.fromArray(SPECIES, grad, g0 + g);
            c00 = d.fma(a0, c00); c01 = d.fma(a1, c01); c02 = d.fma(a2, c02);
            d = DoubleVector.fromArray(SPECIES, grad, g1 + g);
            c10 = d.fma(a0, c10); c11 = d.fma(a1, c11); c12 = d.fma(a2, c12);
            d = DoubleVector.fromArray(SPECIES, grad, g2 + g);
            c20 = d.fma(a0, c20); c21 = d.fma(a1, c21); c22 = d.fma(a2, c22);
            d = DoubleVector.fromArray(SPECIES, grad, g3 + g);
            c30 = d.fma(a0, c30); c31 = d.fma(a1, c31); c32 = d.fma(a2, c32);
            g += CHAINS;
            x += CHAINS;
            if (++step == steps) {
                step = 0;
                g += gradSkip;
                x += imageSkip;
            }
        }
        c00.intoArray(partial, p00); c01.intoArray(partial, p01); c02.intoArray(partial, p02);
        c10.intoArray(partial, p10); c11.intoArray(partial, p11); c12.intoArray(partial, p12);
        c20.intoArray(partial, p20); c21.intoArray(partial, p21); c22.intoArray(partial, p22);
        c30.intoArray(partial, p30); c31.intoArray(partial, p31); c32.intoArray(partial, p32);
    }
}
