package org.equireg.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * For 256-bit vectors: a 4 x 2 tile, each element's {@link #CHAINS} chains in two vector accumulators
 * (the lower and the upper half); per step of CHAINS positions, eight vector loads of the output gradient, four of the image and sixteen fused multiply-adds. Same bits as
 * {@link VectorWeightGradientKernel512} and the scalar twin {@link ScalarWeightGradientKernel}.
 */
final class VectorWeightGradientKernel256 implements WeightGradientKernel {
    static final VectorWeightGradientKernel256 INSTANCE = new VectorWeightGradientKernel256();

    private static final VectorSpecies<Double> SPECIES = VectorShape.SPECIES;
    private static final int LANES = CHAINS / 2;

    private VectorWeightGradientKernel256() {
    }

    @Override
    public int terms() {
        return 2;
    }

    @Override
    public void accumulate(double[] image, int[] offsets, int imageStride, double[] grad, int[] gradRows,
                           int gradStride, int count, int positions, double[] partial, int[] rows, int[] columns) {
        int p00 = rows[0] + columns[0], p01 = rows[0] + columns[1];
        int p10 = rows[1] + columns[0], p11 = rows[1] + columns[1];
        int p20 = rows[2] + columns[0], p21 = rows[2] + columns[1];
        int p30 = rows[3] + columns[0], p31 = rows[3] + columns[1];
        DoubleVector l00 = load(partial, p00), h00 = load(partial, p00 + LANES);
        DoubleVector l01 = load(partial, p01), h01 = load(partial, p01 + LANES);
        DoubleVector l10 = load(partial, p10), h10 = load(partial, p10 + LANES);
        DoubleVector l11 = load(partial, p11), h11 = load(partial, p11 + LANES);
        DoubleVector l20 = load(partial, p20), h20 = load(partial, p20 + LANES);
        DoubleVector l21 = load(partial, p21), h21 = load(partial, p21 + LANES);
        DoubleVector l30 = load(partial, p30), h30 = load(partial, p30 + LANES);
        DoubleVector l31 = load(partial, p31), h31 = load(partial, p31 + LANES);
        // One flat loop over (image, position): JDK 17's compiler boxes vectors carried through nested loops.
        int steps = positions / CHAINS;
        int gradSkip = gradStride - positions;
        int imageSkip = imageStride - positions;
        int g = 0;
        int x = 0;
        for (int k = 0, step = 0; k < count * steps; k++) {
            DoubleVector a0 = load(image, offsets[0] + x), b0 = load(image, offsets[0] + x + LANES);
            DoubleVector a1 = load(image, offsets[1] + x), b1 = load(image, offsets[1] + x + LANES);
            DoubleVector d = load(grad, gradRows[0] + g), e = load(grad, gradRows[0] + g + LANES);
            l00 = d.fma(a0, l00); h00 = e.fma(b0, h00); l01 = d.fma(a1, l01); h01 = e.fma(b1, h01);
            d = load(grad, gradRows[1] + g);
            e = load(grad, gradRows[1] + g + LANES);
            l10 = d.fma(a0, l10); h10 = e.fma(b0, h10); l11 = d.fma(a1, l11); h11 = e.fma(b1, h11);
            d = load(grad, gradRows[2] + g);
            e = load(grad, gradRows[2] + g + LANES);
            l20 = d.fma(a0, l20); h20 = e.fma(b0, h20); l21 = d.fma(a1, l21); h21 = e.fma(b1, h21);
            d = load(grad, gradRows[3] + g);
            e = load(grad, gradRows[3] + g + LANES);
            l30 = d.fma(a0, l30); h30 = e.fma(b0, h30); l31 = d.fma(a1, l31); h31 = e.fma(b1, h31);
            g += CHAINS;
            x += CHAINS;
            if (++step == steps) {
                step = 0;
                g += gradSkip;
                x += imageSkip;
            }
        }
        l00.intoArray(partial, p00); h00.intoArray(partial, p00 + LANES);
        l01.intoArray(partial, p01); h01.intoArray(partial, p01 + LANES);
        l10.intoArray(partial, p10); h10.intoArray(partial, p10 + LANES);
        l11.intoArray(partial, p11); h11.intoArray(partial, p11 + LANES);
        l20.intoArray(partial, p20); h20.intoArray(partial, p20 + LANES);
        l21.intoArray(partial, p21); h21.intoArray(partial, p21 + LANES);
        l30.intoArray(partial, p30); h30.intoArray(partial, p30 + LANES);
        l31.intoArray(partial, p31); h31.intoArray(partial, p31 + LANES);
    }

    private static DoubleVector load(double[] array, int at) {
        return DoubleVector.fromArray(SPECIES, array, at);
    }
}
