package org.equireg.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * For 512-bit vectors ({@link #CHAINS} lanes): a 4 x 4 tile in sixteen vector accumulators, one chain per lane;
 * per step, four vector loads of the output gradient, four of the image and sixteen fused
 * multiply-adds. The scalar twin is {@link ScalarWeightGradientKernel}.
 */
final class VectorWeightGradientKernel512 implements WeightGradientKernel {
    static final VectorWeightGradientKernel512 INSTANCE = new VectorWeightGradientKernel512();

    private static final VectorSpecies<Double> SPECIES = VectorShape.SPECIES;
    private static final int LANES = CHAINS;

    private VectorWeightGradientKernel512() {
    }

    @Override
    public int terms() {
        return 4;
    }

    @Override
    public void accumulate(double[] image, int[] offsets, int imageStride, double[] grad, int[] gradRows,
                           int gradStride, int count, int positions, double[] partial, int[] rows, int[] columns) {
        DoubleVector c00 = load(partial, rows[0] + columns[0]), c01 = load(partial, rows[0] + columns[1]);
        DoubleVector c02 = load(partial, rows[0] + columns[2]), c03 = load(partial, rows[0] + columns[3]);
        DoubleVector c10 = load(partial, rows[1] + columns[0]), c11 = load(partial, rows[1] + columns[1]);
        DoubleVector c12 = load(partial, rows[1] + columns[2]), c13 = load(partial, rows[1] + columns[3]);
        DoubleVector c20 = load(partial, rows[2] + columns[0]), c21 = load(partial, rows[2] + columns[1]);
        DoubleVector c22 = load(partial, rows[2] + columns[2]), c23 = load(partial, rows[2] + columns[3]);
        DoubleVector c30 = load(partial, rows[3] + columns[0]), c31 = load(partial, rows[3] + columns[1]);
        DoubleVector c32 = load(partial, rows[3] + columns[2]), c33 = load(partial, rows[3] + columns[3]);
        // One flat loop over (image, position): JDK 17's compiler boxes vectors carried through nested loops.
        int steps = positions / LANES;
        int gradSkip = gradStride - positions;
        int imageSkip = imageStride - positions;
        int g = 0;
        int x = 0;
        for (int k = 0, step = 0; k < count * steps; k++) {
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, image, offsets[0] + x);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, image, offsets[1] + x);
            DoubleVector a2 = DoubleVector.fromArray(SPECIES, image, offsets[2] + x);
            DoubleVector a3 = DoubleVector.fromArray(SPECIES, image, offsets[3] + x);
            DoubleVector d0 = DoubleVector.fromArray(SPECIES, grad, gradRows[0] + g);
            c00 = d0.fma(a0, c00); c01 = d0.fma(a1, c01); c02 = d0.fma(a2, c02); c03 = d0.fma(a3, c03);
            DoubleVector d1 = DoubleVector.fromArray(SPECIES, grad, gradRows[1] + g);
            c10 = d1.fma(a0, c10); c11 = d1.fma(a1, c11); c12 = d1.fma(a2, c12); c13 = d1.fma(a3, c13);
            DoubleVector d2 = DoubleVector.fromArray(SPECIES, grad, gradRows[2] + g);
            c20 = d2.fma(a0, c20); c21 = d2.fma(a1, c21); c22 = d2.fma(a2, c22); c23 = d2.fma(a3, c23);
            DoubleVector d3 = DoubleVector.fromArray(SPECIES, grad, gradRows[3] + g);
            c30 = d3.fma(a0, c30); c31 = d3.fma(a1, c31); c32 = d3.fma(a2, c32); c33 = d3.fma(a3, c33);
            g += LANES;
            x += LANES;
            if (++step == steps) {
                step = 0;
                g += gradSkip;
                x += imageSkip;
            }
        }
        c00.intoArray(partial, rows[0] + columns[0]); c01.intoArray(partial, rows[0] + columns[1]);
        c02.intoArray(partial, rows[0] + columns[2]); c03.intoArray(partial, rows[0] + columns[3]);
        c10.intoArray(partial, rows[1] + columns[0]); c11.intoArray(partial, rows[1] + columns[1]);
        c12.intoArray(partial, rows[1] + columns[2]); c13.intoArray(partial, rows[1] + columns[3]);
        c20.intoArray(partial, rows[2] + columns[0]); c21.intoArray(partial, rows[2] + columns[1]);
        c22.intoArray(partial, rows[2] + columns[2]); c23.intoArray(partial, rows[2] + columns[3]);
        c30.intoArray(partial, rows[3] + columns[0]); c31.intoArray(partial, rows[3] + columns[1]);
        c32.intoArray(partial, rows[3] + columns[2]); c33.intoArray(partial, rows[3] + columns[3]);
    }

    private static DoubleVector load(double[] partial, int at) {
        return DoubleVector.fromArray(SPECIES, partial, at);
    }
}
