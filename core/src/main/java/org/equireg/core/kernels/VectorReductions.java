package org.equireg.core.kernels;

import static org.equireg.core.kernels.Reductions.CHAINS;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API reductions; scalar twins in {@link ScalarReductions}, contracts on {@link Reductions}.
 * The {@link Reductions#CHAINS} partial sums are four vector accumulators with 512-bit vectors and eight
 * with 256-bit ones (which also hides the latency of the add or fma chain); other widths run the scalar
 * twin. The lanes are added in chain order ({@link #addLanes}), never by {@code reduceLanes(ADD)}, whose
 * order is unspecified and may differ between the interpreter and compiled code.
 */
final class VectorReductions {
    private static final VectorSpecies<Double> SPECIES = VectorShape.SPECIES;
    private static final int LANES = VectorShape.LANES;

    private VectorReductions() {
    }

    static double sum(double[] a, int offset, int length) {
        if (LANES * 4 == CHAINS) {
            return sum4(a, offset, length);
        }
        return LANES * 8 == CHAINS ? sum8(a, offset, length) : ScalarReductions.sum(a, offset, length);
    }

    static double dot(double[] a, int aOffset, double[] b, int bOffset, int length) {
        if (LANES * 4 == CHAINS) {
            return dot4(a, aOffset, b, bOffset, length);
        }
        return LANES * 8 == CHAINS ? dot8(a, aOffset, b, bOffset, length)
                : ScalarReductions.dot(a, aOffset, b, bOffset, length);
    }

    private static double sum4(double[] a, int offset, int length) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int blocks = length - length % CHAINS;
        for (int i = 0; i < blocks; i += CHAINS) {
            s0 = s0.add(DoubleVector.fromArray(SPECIES, a, offset + i));
            s1 = s1.add(DoubleVector.fromArray(SPECIES, a, offset + i + LANES));
            s2 = s2.add(DoubleVector.fromArray(SPECIES, a, offset + i + 2 * LANES));
            s3 = s3.add(DoubleVector.fromArray(SPECIES, a, offset + i + 3 * LANES));
        }
        double sum = 0;
        sum = addLanes(sum, s0);
        sum = addLanes(sum, s1);
        sum = addLanes(sum, s2);
        sum = addLanes(sum, s3);
        // scalar tail
        for (int i = blocks; i < length; i++) {
            sum += a[offset + i];
        }
        return sum;
    }

    private static double sum8(double[] a, int offset, int length) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        DoubleVector s4 = s0;
        DoubleVector s5 = s0;
        DoubleVector s6 = s0;
        DoubleVector s7 = s0;
        int blocks = length - length % CHAINS;
        for (int i = 0; i < blocks; i += CHAINS) {
            s0 = s0.add(DoubleVector.fromArray(SPECIES, a, offset + i));
            s1 = s1.add(DoubleVector.fromArray(SPECIES, a, offset + i + LANES));
            s2 = s2.add(DoubleVector.fromArray(SPECIES, a, offset + i + 2 * LANES));
            s3 = s3.add(DoubleVector.fromArray(SPECIES, a, offset + i + 3 * LANES));
            s4 = s4.add(DoubleVector.fromArray(SPECIES, a, offset + i + 4 * LANES));
            s5 = s5.add(DoubleVector.fromArray(SPECIES, a, offset + i + 5 * LANES));
            s6 = s6.add(DoubleVector.fromArray(SPECIES, a, offset + i + 6 * LANES));
            s7 = s7.add(DoubleVector.fromArray(SPECIES, a, offset + i + 7 * LANES));
        }
        double sum = 0;
        sum = addLanes(sum, s0);
        sum = addLanes(sum, s1);
        sum = addLanes(sum, s2);
        sum = addLanes(sum, s3);
        sum = addLanes(sum, s4);
        sum = addLanes(sum, s5);
        sum = addLanes(sum, s6);
        sum = addLanes(sum, s7);
        // scalar tail
        for (int i = blocks; i < length; i++) {
            sum += a[offset + i];
        }
        return sum;
    }

    private static double dot4(double[] a, int aOffset, double[] b, int bOffset, int length) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int blocks = length - length % CHAINS;
        for (int i = 0; i < blocks; i += CHAINS) {
            s0 = load(a, aOffset + i).fma(load(b, bOffset + i), s0);
            s1 = load(a, aOffset + i + LANES).fma(load(b, bOffset + i + LANES), s1);
            s2 = load(a, aOffset + i + 2 * LANES).fma(load(b, bOffset + i + 2 * LANES), s2);
            s3 = load(a, aOffset + i + 3 * LANES).fma(load(b, bOffset + i + 3 * LANES), s3);
        }
        double sum = 0;
        sum = addLanes(sum, s0);
        sum = addLanes(sum, s1);
        sum = addLanes(sum, s2);
        sum = addLanes(sum, s3);
        // scalar tail
        for (int i = blocks; i < length; i++) {
            sum = Math.fma(a[aOffset + i], b[bOffset + i], sum);
        }
        return sum;
    }

    private static double dot8(double[] a, int aOffset, double[] b, int bOffset, int length) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        DoubleVector s4 = s0;
        DoubleVector s5 = s0;
        DoubleVector s6 = s0;
        DoubleVector s7 = s0;
        int blocks = length - length % CHAINS;
        for (int i = 0; i < blocks; i += CHAINS) {
            s0 = load(a, aOffset + i).fma(load(b, bOffset + i), s0);
            s1 = load(a, aOffset + i + LANES).fma(load(b, bOffset + i + LANES), s1);
            s2 = load(a, aOffset + i + 2 * LANES).fma(load(b, bOffset + i + 2 * LANES), s2);
            s3 = load(a, aOffset + i + 3 * LANES).fma(load(b, bOffset + i + 3 * LANES), s3);
            s4 = load(a, aOffset + i + 4 * LANES).fma(load(b, bOffset + i + 4 * LANES), s4);
            s5 = load(a, aOffset + i + 5 * LANES).fma(load(b, bOffset + i + 5 * LANES), s5);
            s6 = load(a, aOffset + i + 6 * LANES).fma(load(b, bOffset + i + 6 * LANES), s6);
            s7 = load(a, aOffset + i + 7 * LANES).fma(load(b, bOffset + i + 7 * LANES), s7);
        }
        double sum = 0;
        sum = addLanes(sum, s0);
        sum = addLanes(sum, s1);
        sum = addLanes(sum, s2);
        sum = addLanes(sum, s3);
        sum = addLanes(sum, s4);
        sum = addLanes(sum, s5);
        sum = addLanes(sum, s6);
        sum = addLanes(sum, s7);
        // scalar tail
        for (int i = blocks; i < length; i++) {
            sum = Math.fma(a[aOffset + i], b[bOffset + i], sum);
        }
        return sum;
    }

    /** {@code sum} plus the lanes of {@code v}, from the first to the last: chain order, without an array. */
    private static double addLanes(double sum, DoubleVector v) {
        for (int lane = 0; lane < LANES; lane++) {
            sum += v.lane(lane);
        }
        return sum;
    }

    private static DoubleVector load(double[] array, int at) {
        return DoubleVector.fromArray(SPECIES, array, at);
    }
}
