package org.equireg.core.kernels;

/** The scalar twins of {@link VectorReductions}: one running sum, left to right. */
final class ScalarReductions {
    private ScalarReductions() {
    }

    static double sum(double[] a, int offset, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += a[offset + i];
        }
        return sum;
    }

    static double dot(double[] a, int aOffset, double[] b, int bOffset, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum = Math.fma(a[aOffset + i], b[bOffset + i], sum);
        }
        return sum;
    }
}
