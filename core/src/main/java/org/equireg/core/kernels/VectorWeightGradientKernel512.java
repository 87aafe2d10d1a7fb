package org.equireg.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * For 512-bit vectors ({@link #CHAINS} lanes) and a register file of 32 (AVX-512): a 4 x 6 tile in 24
 * vector accumulators, one chain per lane; with six image vectors and one gradient vector, 31 registers
 * are live. Per step, four vector loads of the output gradient, six of the image and 24 fused
 * multiply-adds (the 4 x 4 tile needs eight loads per sixteen). JDK 17 compiles it without boxing:
 * the kernel has one loop and no vector crosses a call (VectorAllocationTest). The scalar twin is
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
        return 6;
    }

    @Override
    public void accumulate(double[] image, int[] offsets, int imageStride, double[] grad, int[] gradRows,
                           int gradStride, int count, int positions, double[] partial, int[] rows, int[] columns) {
        int p00 = rows[0] + columns[0];
        int p01 = rows[0] + columns[1];
        int p02 = rows[0] + columns[2];
        int p03 = rows[0] + columns[3];
        int p04 = rows[0] + columns[4];
        int p05 = rows[0] + columns[5];
        int p10 = rows[1] + columns[0];
        int p11 = rows[1] + columns[1];
        int p12 = rows[1] + columns[2];
        int p13 = rows[1] + columns[3];
        int p14 = rows[1] + columns[4];
        int p15 = rows[1] + columns[5];
        int p20 = rows[2] + columns[0];
        int p21 = rows[2] + columns[1];
        int p22 = rows[2] + columns[2];
        int p23 = rows[2] + columns[3];
        int p24 = rows[2] + columns[4];
        int p25 = rows[2] + columns[5];
        int p30 = rows[3] + columns[0];
        int p31 = rows[3] + columns[1];
        int p32 = rows[3] + columns[2];
        int p33 = rows[3] + columns[3];
        int p34 = rows[3] + columns[4];
        int p35 = rows[3] + columns[5];
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, partial, p00);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, partial, p01);
        DoubleVector c02 = DoubleVector.fromArray(SPECIES, partial, p02);
        DoubleVector c03 = DoubleVector.fromArray(SPECIES, partial, p03);
        DoubleVector c04 = DoubleVector.fromArray(SPECIES, partial, p04);
        DoubleVector c05 = DoubleVector.fromArray(SPECIES, partial, p05);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, partial, p10);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, partial, p11);
        DoubleVector c12 = DoubleVector.fromArray(SPECIES, partial, p12);
        DoubleVector c13 = DoubleVector.fromArray(SPECIES, partial, p13);
        DoubleVector c14 = DoubleVector.fromArray(SPECIES, partial, p14);
        DoubleVector c15 = DoubleVector.fromArray(SPECIES, partial, p15);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, partial, p20);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, partial, p21);
        DoubleVector c22 = DoubleVector.fromArray(SPECIES, partial, p22);
        DoubleVector c23 = DoubleVector.fromArray(SPECIES, partial, p23);
        DoubleVector c24 = DoubleVector.fromArray(SPECIES, partial, p24);
        DoubleVector c25 = DoubleVector.fromArray(SPECIES, partial, p25);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, partial, p30);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, partial, p31);
        DoubleVector c32 = DoubleVector.fromArray(SPECIES, partial, p32);
        DoubleVector c33 = DoubleVector.fromArray(SPECIES, partial, p33);
        DoubleVector c34 = DoubleVector.fromArray(SPECIES, partial, p34);
        DoubleVector c35 = DoubleVector.fromArray(SPECIES, partial, p35);
        int i0 = offsets[0], i1 = offsets[1], i2 = offsets[2], i3 = offsets[3], i4 = offsets[4], i5 = offsets[5];
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
            DoubleVector a4 = DoubleVector.fromArray(SPECIES, image, i4 + x);
            DoubleVector a5 = DoubleVector.fromArray(SPECIES, image, i5 + x);
            DoubleVector d = DoubleVector.fromArray(SPECIES, grad, g0 + g);
            c00 = d.fma(a0, c00); c01 = d.fma(a1, c01); c02 = d.fma(a2, c02);
            c03 = d.fma(a3, c03); c04 = d.fma(a4, c04); c05 = d.fma(a5, c05);
            d = DoubleVector.fromArray(SPECIES, grad, g1 + g);
            c10 = d.fma(a0, c10); c11 = d.fma(a1, c11); c12 = d.fma(a2, c12);
            c13 = d.fma(a3, c13); c14 = d.fma(a4, c14); c15 = d.fma(a5, c15);
            d = DoubleVector.fromArray(SPECIES, grad, g2 + g);
            c20 = d.fma(a0, c20); c21 = d.fma(a1, c21); c22 = d.fma(a2, c22);
            c23 = d.fma(a3, c23); c24 = d.fma(a4, c24); c25 = d.fma(a5, c25);
            d = DoubleVector.fromArray(SPECIES, grad, g3 + g);
            c30 = d.fma(a0, c30); c31 = d.fma(a1, c31); c32 = d.fma(a2, c32);
            c33 = d.fma(a3, c33); c34 = d.fma(a4, c34); c35 = d.fma(a5, c35);
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
        c04.intoArray(partial, p04);
        c05.intoArray(partial, p05);
        c10.intoArray(partial, p10);
        c11.intoArray(partial, p11);
        c12.intoArray(partial, p12);
        c13.intoArray(partial, p13);
        c14.intoArray(partial, p14);
        c15.intoArray(partial, p15);
        c20.intoArray(partial, p20);
        c21.intoArray(partial, p21);
        c22.intoArray(partial, p22);
        c23.intoArray(partial, p23);
        c24.intoArray(partial, p24);
        c25.intoArray(partial, p25);
        c30.intoArray(partial, p30);
        c31.intoArray(partial, p31);
        c32.intoArray(partial, p32);
        c33.intoArray(partial, p33);
        c34.intoArray(partial, p34);
        c35.intoArray(partial, p35);
    }
}
