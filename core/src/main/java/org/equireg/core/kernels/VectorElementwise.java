package org.equireg.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API elementwise kernels; scalar twins in {@link ScalarElementwise}, contracts on
 * {@link Elementwise}. Each loop runs whole vectors up to {@code SPECIES.loopBound(length)}, then
 * finishes the last {@code length % LANES} elements with the scalar formula, which rounds the same.
 */
final class VectorElementwise {
    private static final VectorSpecies<Double> SPECIES = VectorShape.SPECIES;
    private static final int LANES = VectorShape.LANES;

    private VectorElementwise() {
    }

    static void add(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int length) {
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
            DoubleVector.fromArray(SPECIES, a, aOffset + i).add(DoubleVector.fromArray(SPECIES, b, bOffset + i))
                    .intoArray(out, outOffset + i);
        }
        // scalar tail
        for (; i < length; i++) {
            out[outOffset + i] = a[aOffset + i] + b[bOffset + i];
        }
    }

    static void sub(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int length) {
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
            DoubleVector.fromArray(SPECIES, a, aOffset + i).sub(DoubleVector.fromArray(SPECIES, b, bOffset + i))
                    .intoArray(out, outOffset + i);
        }
        // scalar tail
        for (; i < length; i++) {
            out[outOffset + i] = a[aOffset + i] - b[bOffset + i];
        }
    }

    static void mul(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int length) {
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
            DoubleVector.fromArray(SPECIES, a, aOffset + i).mul(DoubleVector.fromArray(SPECIES, b, bOffset + i))
                    .intoArray(out, outOffset + i);
        }
        // scalar tail
        for (; i < length; i++) {
            out[outOffset + i] = a[aOffset + i] * b[bOffset + i];
        }
    }

    static void div(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int length) {
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
            DoubleVector.fromArray(SPECIES, a, aOffset + i).div(DoubleVector.fromArray(SPECIES, b, bOffset + i))
                    .intoArray(out, outOffset + i);
        }
        // scalar tail
        for (; i < length; i++) {
            out[outOffset + i] = a[aOffset + i] / b[bOffset + i];
        }
    }

    static void relu(double[] x, double[] out, int length) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, x, i);
            v.blend(zero, v.compare(VectorOperators.LE, 0.0)).intoArray(out, i);
        }
        for (; i < length; i++) {
            out[i] = x[i] <= 0 ? 0.0 : x[i];
        }
    }

    static void reluBackward(double[] x, double[] grad, double[] dx, int length) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
            VectorMask<Double> positive = DoubleVector.fromArray(SPECIES, x, i).compare(VectorOperators.GT, 0.0);
            zero.blend(DoubleVector.fromArray(SPECIES, grad, i), positive).intoArray(dx, i);
        }
        for (; i < length; i++) {
            dx[i] = x[i] > 0 ? grad[i] : 0.0;
        }
    }

    static void axpy(double alpha, double[] x, int xOffset, double[] y, int yOffset, int length) {
        DoubleVector scale = DoubleVector.broadcast(SPECIES, alpha);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
            DoubleVector.fromArray(SPECIES, x, xOffset + i).fma(scale, DoubleVector.fromArray(SPECIES, y, yOffset + i))
                    .intoArray(y, yOffset + i);
        }
        // scalar tail
        for (; i < length; i++) {
            y[yOffset + i] = Math.fma(alpha, x[xOffset + i], y[yOffset + i]);
        }
    }

    static void tanhBackward(double[] gradient, int gradientOffset, double[] y, int yOffset, double[] out,
                             int outOffset, int length) {
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
            DoubleVector value = DoubleVector.fromArray(SPECIES, y, yOffset + i);
            value.neg().fma(value, one).mul(DoubleVector.fromArray(SPECIES, gradient, gradientOffset + i))
                    .intoArray(out, outOffset + i);
        }
        // scalar tail
        for (; i < length; i++) {
            double value = y[yOffset + i];
            out[outOffset + i] = gradient[gradientOffset + i] * Math.fma(-value, value, 1.0);
        }
    }

    static void sigmoidBackward(double[] gradient, int gradientOffset, double[] y, int yOffset, double[] out,
                                int outOffset, int length) {
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
            DoubleVector value = DoubleVector.fromArray(SPECIES, y, yOffset + i);
            DoubleVector.fromArray(SPECIES, gradient, gradientOffset + i).mul(value).mul(one.sub(value))
                    .intoArray(out, outOffset + i);
        }
        // scalar tail
        for (; i < length; i++) {
            double value = y[yOffset + i];
            out[outOffset + i] = gradient[gradientOffset + i] * value * (1 - value);
        }
    }
}
