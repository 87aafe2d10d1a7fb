package org.equireg.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * For 512-bit vectors ({@link #CHAINS} lanes) and a register file of 32 (AVX-512): a 4 x 4 tile in 16
 * vector accumulators, one chain per lane; with four image vectors and one gradient vector, 21 registers
 * are live. Per step, four vector loads of the output gradient, four of the image and 16 fused
 * multiply-adds. A 4 x 6 tile (31 live registers, ten loads per 24 multiply-adds) ran 9 ms in some JVMs
 * and 23 to 26 ms in others on the same call (C2 spilled accumulators in the loop in some
 * compilations): a tile must leave registers spare. JDK 17 compiles it without boxing: the kernel has
 * one loop and no vector crosses a call (VectorAllocationTest). The scalar twin is
 * {@link ScalarWeightGradientKernel}; each element's chains are the same whatever the tile.
 */
final class VectorWeightGradientKernel512 implements WeightGradientKernel {
    static final VectorWeightGradientKernel512 INSTANCE = new VectorWeightGradientKernel512();

    private static final VectorSpecies<Double> SPECIES = VectorShape.SPECIES;
    private static final int LANES = CHAINS;

    private VectorWeightGradientKernel512() {
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
        int p00 = rows[0] + columns[0];
        int p01 = rows[0] + columns[1];
        int p02 = rows[0] + columns[2];
        int p03 = rows[0] + columns[3];
        int p10 = rows[1] + columns[0];
        int p11 = rows[1] + columns[1];
        int p12 = rows[1] + columns[2];
        int p13 = rows[1] + columns[3];
        int p20 = rows[2] + columns[0];
        int p21 = rows[2] + columns[1];
        int p22 = rows[2] + columns[2];
        int p23 = rows[2] + columns[3];
        int p30 = rows[3] + columns[0];
        int p31 = rows[3] + columns[1];
        int p32 = rows[3] + columns[2];
        int p33 = rows[3] + columns[3];
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, partial, p00);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, partial, p01);
        DoubleVector c02 = DoubleVector.fromArray(SPECIES, partial, p02);
        DoubleVector c03 = DoubleVector.fromArray(SPECIES, partial, p03);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, partial, p10);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, partial, p11);
        DoubleVector c12 = DoubleVector.fromArray(SPECIES, partial, p12);
        DoubleVector c13 = DoubleVector.fromArray(SPECIES, partial, p13);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, partial, p20);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, partial, p21);
        DoubleVector c22 = DoubleVector.fromArray(SPECIES, partial, p22);
        DoubleVector c23 = DoubleVector.fromArray(SPECIES, partial, p23);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, partial, p30);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, partial, p31);
        DoubleVector c32 = DoubleVector.fromArray(SPECIES, partial, p32);
        DoubleVector c33 = DoubleVector.fromArray(SPECIES, partial, p33);
        int i0 = offsets[0], i1 = offsets[1], i2 = offsets[2], i3 = offsets[3];
        int g0 = gradRows[0], g1 = gradRows[1], g2 = gradRows[2], g3 = gradRows[3];
        // One flat loop over (image, position): JDK 17's compiler boxes vectors carried through nested loops.
        int steps = positions / LANES;
        int gradSkip = gradStride - positions;
        int imageSkip = imageStride - positions;
        int g = 0;
        int x = 0;
        for (int k = 0, step = 0; k < count * steps; k++) {
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, image, i0 + x);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, image, i1 + x);
            DoubleVector a2 = DoubleVector.fromArray(SPECIES, image, i2 + x);
            DoubleVector a3 = DoubleVector.fromArray(SPECIES, image, i3 + x);
            DoubleVector d = DoubleVector.fromArray(SPECIES, grad, g0 + g);
            c00 = d.fma(a0, c00); c01 = d.fma(a1, c01); c02 = d.fma(a2, c02); c03 = d.fma(a3, c03);
            d = DoubleVector.fromArray(SPECIES, grad, g1 + g);
            c10 = d.fma(a0, c10); c11 = d.fma(a1, c11); c12 = d.fma(a2, c12); c13 = d.fma(a3, c13);
            d = DoubleVector.fromArray(SPECIES, grad, g2 + g);
            c20 = d.fma(a0, c20); c21 = d.fma(a1, c21); c22 = d.fma(a2, c22); c23 = d.fma(a3, c23);
            d = DoubleVector.fromArray(SPECIES, grad, g3 + g);
            c30 = d.fma(a0, c30); c31 = d.fma(a1, c31); c32 = d.fma(a2, c32); c33 = d.fma(a3, c33);
            g += LANES;
            x += LANES;
            if (++step == steps) {
                step = 0;
                g += gradSkip;
                x += imageSkip;
            }
        }
        c00.intoArray(partial, p00);
        c01.intoArray(partial, p01);
        c02.intoArray(partial, p02);
        c03.intoArray(partial, p03);
        c10.intoArray(partial, p10);
        c11.intoArray(partial, p11);
        c12.intoArray(partial, p12);
        c13.intoArray(partial, p13);
        c20.intoArray(partial, p20);
        c21.intoArray(partial, p21);
        c22.intoArray(partial, p22);
        c23.intoArray(partial, p23);
        c30.intoArray(partial, p30);
        c31.intoArray(partial, p31);
        c32.intoArray(partial, p32);
        c33.intoArray(partial, p33);
    }
}
