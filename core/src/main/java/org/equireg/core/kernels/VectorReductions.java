package org.equireg.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API reductions; scalar twins in {@link ScalarReductions}, contracts on {@link Reductions}.
 * Four vector accumulators hide the latency of the add (or fma) chain; they are combined, reduced
 * across lanes, and the last elements are added by a scalar tail.
 *
 * <p>The lanes are reduced left to right by {@link #sumLanes} rather than by
 * {@code reduceLanes(ADD)}, whose floating-point order is unspecified and may differ between the
 * interpreter and compiled code; a result must not change when the JIT kicks in.
 */
final class VectorReductions {
    private static final VectorSpecies<Double> SPECIES = VectorShape.SPECIES;
    private static final int LANES = VectorShape.LANES;

    private VectorReductions() {
    }

    static double sum(double[] a, int offset, int length) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = 0;
        for (int bound = length - length % (4 * LANES); i < bound; i += 4 * LANES) {
            s0 = s0.add(DoubleVector.fromArray(SPECIES, a, offset + i));
            s1 = s1.add(DoubleVector.fromArray(SPECIES, a, offset + i + LANES));
            s2 = s2.add(DoubleVector.fromArray(SPECIES, a, offset + i + 2 * LANES));
            s3 = s3.add(DoubleVector.fromArray(SPECIES, a, offset + i + 3 * LANES));
        }
        for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
            s0 = s0.add(DoubleVector.fromArray(SPECIES, a, offset + i));
        }
        double sum = sumLanes(s0.add(s1).add(s2.add(s3)));
        // scalar tail
        for (; i < length; i++) {
            sum += a[offset + i];
        }
        return sum;
    }

    static double dot(double[] a, int aOffset, double[] b, int bOffset, int length) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = 0;
        for (int bound = length - length % (4 * LANES); i < bound; i += 4 * LANES) {
            s0 = DoubleVector.fromArray(SPECIES, a, aOffset + i)
                    .fma(DoubleVector.fromArray(SPECIES, b, bOffset + i), s0);
            s1 = DoubleVector.fromArray(SPECIES, a, aOffset + i + LANES)
                    .fma(DoubleVector.fromArray(SPECIES, b, bOffset + i + LANES), s1);
            s2 = DoubleVector.fromArray(SPECIES, a, aOffset + i + 2 * LANES)
                    .fma(DoubleVector.fromArray(SPECIES, b, bOffset + i + 2 * LANES), s2);
            s3 = DoubleVector.fromArray(SPECIES, a, aOffset + i + 3 * LANES)
                    .fma(DoubleVector.fromArray(SPECIES, b, bOffset + i + 3 * LANES), s3);
        }
        for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
            s0 = DoubleVector.fromArray(SPECIES, a, aOffset + i).fma(DoubleVector.fromArray(SPECIES, b, bOffset + i), s0);
        }
        double sum = sumLanes(s0.add(s1).add(s2.add(s3)));
        // scalar tail
        for (; i < length; i++) {
            sum = Math.fma(a[aOffset + i], b[bOffset + i], sum);
        }
        return sum;
    }

    /** The lanes of {@code v} added left to right. */
    private static double sumLanes(DoubleVector v) {
        double sum = 0;
        for (double lane : v.toArray()) {
            sum += lane;
        }
        return sum;
    }
}
