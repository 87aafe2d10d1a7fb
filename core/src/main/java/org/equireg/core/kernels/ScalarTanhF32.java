package org.equireg.core.kernels;

/**
 * The scalar twin of {@link VectorTanhF32}: float32 tanh as the float64 {@link ScalarTanh#tanh(double)} of
 * the widened argument, rounded once to float. Written by hand, not generated: the float64 algorithm's bit
 * tricks have no float32 translation, and through float64 the result is the exact value rounded to float
 * unless that value lies within about 2^-28 ulp of a midpoint between two floats (then it may be one ulp
 * off); both paths widen, call the float64 twins (which give the same bits) and narrow, so they agree.
 */
final class ScalarTanhF32 {
    private ScalarTanhF32() {
    }

    static void tanh(float[] x, int xOffset, float[] out, int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = (float) ScalarTanh.tanh((double) x[xOffset + i]);
        }
    }
}
