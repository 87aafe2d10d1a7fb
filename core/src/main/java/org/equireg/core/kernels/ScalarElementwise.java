package org.equireg.core.kernels;

/**
 * The scalar twins of {@link VectorElementwise}; same contracts as the {@link Elementwise} facade. exp, log
 * and sigmoid have no vector twin (see {@link Elementwise#exp}).
 */
final class ScalarElementwise {
    private ScalarElementwise() {
    }

    static void add(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = a[aOffset + i] + b[bOffset + i];
        }
    }

    static void sub(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = a[aOffset + i] - b[bOffset + i];
        }
    }

    static void mul(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = a[aOffset + i] * b[bOffset + i];
        }
    }

    static void div(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = a[aOffset + i] / b[bOffset + i];
        }
    }

    static void relu(double[] x, double[] out, int length) {
        for (int i = 0; i < length; i++) {
            out[i] = x[i] <= 0 ? 0.0 : x[i];
        }
    }

    static void reluBackward(double[] x, double[] grad, double[] dx, int length) {
        for (int i = 0; i < length; i++) {
            dx[i] = x[i] > 0 ? grad[i] : 0.0;
        }
    }

    static void axpy(double alpha, double[] x, int xOffset, double[] y, int yOffset, int length) {
        for (int i = 0; i < length; i++) {
            y[yOffset + i] = Math.fma(alpha, x[xOffset + i], y[yOffset + i]);
        }
    }

    static void tanhBackward(double[] gradient, int gradientOffset, double[] y, int yOffset, double[] out,
                             int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            double value = y[yOffset + i];
            out[outOffset + i] = gradient[gradientOffset + i] * Math.fma(-value, value, 1.0);
        }
    }

    static void exp(double[] x, int xOffset, double[] out, int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = Math.exp(x[xOffset + i]);
        }
    }

    static void log(double[] x, int xOffset, double[] out, int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = Math.log(x[xOffset + i]);
        }
    }

    static void sigmoid(double[] x, int xOffset, double[] out, int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = logistic(x[xOffset + i]);
        }
    }

    private static double logistic(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    static void sigmoidBackward(double[] gradient, int gradientOffset, double[] y, int yOffset, double[] out,
                                int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            double value = y[yOffset + i];
            out[outOffset + i] = gradient[gradientOffset + i] * value * (1 - value);
        }
    }
}
