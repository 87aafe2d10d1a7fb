package org.equireg.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A 4 x 4 tile in sixteen vector accumulators, one partial sum per lane: per step, four vector loads
 * of the output gradient, four of the image and sixteen fused multiply-adds. The scalar twin is
 * {@link ScalarWeightGradientKernel}.
 */
final class VectorWeightGradientKernel implements WeightGradientKernel {
    static final VectorWeightGradientKernel INSTANCE = new VectorWeightGradientKernel();

    private static final VectorSpecies<Double> SPECIES = VectorShape.SPECIES;
    private static final int LANES = VectorShape.LANES;

    private VectorWeightGradientKernel() {
    }

    @Override
    public int lanes() {
        return LANES;
    }

    @Override
    public void accumulate(double[] image, int[] offsets, double[] grad, int[] gradRows, int positions,
                           double[] partial, int[] rows, int[] columns) {
        int g0 = gradRows[0];
        int g1 = gradRows[1];
        int g2 = gradRows[2];
        int g3 = gradRows[3];
        int x0 = offsets[0];
        int x1 = offsets[1];
        int x2 = offsets[2];
        int x3 = offsets[3];
        DoubleVector c00 = load(partial, rows[0] + columns[0]), c01 = load(partial, rows[0] + columns[1]);
        DoubleVector c02 = load(partial, rows[0] + columns[2]), c03 = load(partial, rows[0] + columns[3]);
        DoubleVector c10 = load(partial, rows[1] + columns[0]), c11 = load(partial, rows[1] + columns[1]);
        DoubleVector c12 = load(partial, rows[1] + columns[2]), c13 = load(partial, rows[1] + columns[3]);
        DoubleVector c20 = load(partial, rows[2] + columns[0]), c21 = load(partial, rows[2] + columns[1]);
        DoubleVector c22 = load(partial, rows[2] + columns[2]), c23 = load(partial, rows[2] + columns[3]);
        DoubleVector c30 = load(partial, rows[3] + columns[0]), c31 = load(partial, rows[3] + columns[1]);
        DoubleVector c32 = load(partial, rows[3] + columns[2]), c33 = load(partial, rows[3] + columns[3]);
        for (int i = 0; i < positions; i += LANES) {
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, image, x0 + i);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, image, x1 + i);
            DoubleVector a2 = DoubleVector.fromArray(SPECIES, image, x2 + i);
            DoubleVector a3 = DoubleVector.fromArray(SPECIES, image, x3 + i);
            DoubleVector d0 = DoubleVector.fromArray(SPECIES, grad, g0 + i);
            c00 = d0.fma(a0, c00); c01 = d0.fma(a1, c01); c02 = d0.fma(a2, c02); c03 = d0.fma(a3, c03);
            DoubleVector d1 = DoubleVector.fromArray(SPECIES, grad, g1 + i);
            c10 = d1.fma(a0, c10); c11 = d1.fma(a1, c11); c12 = d1.fma(a2, c12); c13 = d1.fma(a3, c13);
            DoubleVector d2 = DoubleVector.fromArray(SPECIES, grad, g2 + i);
            c20 = d2.fma(a0, c20); c21 = d2.fma(a1, c21); c22 = d2.fma(a2, c22); c23 = d2.fma(a3, c23);
            DoubleVector d3 = DoubleVector.fromArray(SPECIES, grad, g3 + i);
            c30 = d3.fma(a0, c30); c31 = d3.fma(a1, c31); c32 = d3.fma(a2, c32); c33 = d3.fma(a3, c33);
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
