package org.equireg.core.kernels;

/**
 * Elementwise kernels over equally long arrays. Each one picks the Vector API or the scalar twin
 * through {@link Simd#ENABLED}.
 */
public final class Elementwise {
    private Elementwise() {
    }

    /** {@code out[i] = a[i] + b[i]}. */
    public static double[] add(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    /** {@code out[i] = a[i] - b[i]}. */
    public static double[] sub(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    /** {@code out[i] = a[i] * b[i]}. */
    public static double[] mul(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i];
        }
        return out;
    }

    /** {@code out[i] = a[i] / b[i]}. */
    public static double[] div(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] / b[i];
        }
        return out;
    }

    /** {@code out[i] = a[i] * factor}. */
    public static double[] scale(double[] a, double factor) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * factor;
        }
        return out;
    }

    /** {@code target[i] += increment[i]}. Target modified. */
    public static void addInPlace(double[] target, double[] increment) {
        for (int i = 0; i < target.length; i++) {
            target[i] += increment[i];
        }
    }
}
