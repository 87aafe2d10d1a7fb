package org.equireg.core.kernels;

/**
 * Elementwise loops that have no vector path (each element one library call or one comparison):
 * whole arrays of equal length in, {@code out} modified (it may be an input). The float32 twin is
 * generated; {@link Maps} picks one by the storage's type.
 */
public final class Pointwise {
    private Pointwise() {
    }

    /** {@code out[i] = -x[i]}. */
    public static void neg(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = -x[i];
        }
    }

    /** {@code out[i] = |x[i]|}. */
    public static void abs(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.abs(x[i]);
        }
    }

    /** {@code out[i] = sign(x[i])}: -1, 0 or 1 (0 for both zeros), NaN for NaN. */
    public static void sign(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.signum(x[i]);
        }
    }

    /** {@code out[i] = sqrt(x[i])}, correctly rounded. */
    public static void sqrt(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.sqrt(x[i]);
        }
    }

    /** {@code out[i] = log(1 + x[i])}, accurate near 0. */
    public static void log1p(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.log1p(x[i]);
        }
    }

    /**
     * {@code out[i] = x[i]^exponent}; the exponents 1, 2 and 3 by multiplication (exact where
     * {@code Math.pow} may round differently), others by {@link Math#pow}.
     */
    public static void pow(double[] x, double exponent, double[] out) {
        for (int i = 0; i < x.length; i++) {
            double base = x[i];
            if (exponent == 1) {
                out[i] = base;
            } else if (exponent == 2) {
                out[i] = base * base;
            } else if (exponent == 3) {
                out[i] = base * base * base;
            } else {
                out[i] = Math.pow(base, exponent);
            }
        }
    }

    /** {@code out[i] = min(max(x[i], min), max)}, NaN kept. */
    public static void clamp(double[] x, double min, double max, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] != x[i] ? x[i] : Math.min(Math.max(x[i], min), max);
        }
    }

    /** {@code out[i] = 1} where {@code min <= x[i] <= max}, else 0 (NaN gives 0). */
    public static void inRange(double[] x, double min, double max, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] >= min && x[i] <= max ? 1 : 0;
        }
    }

    /** {@code out[i] = max(a[i], b[i])}, NaN if either is NaN. */
    public static void maximum(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.max(a[i], b[i]);
        }
    }

    /** {@code out[i] = mask[i] ? a[i] : b[i]}. */
    public static void select(boolean[] mask, double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = mask[i] ? a[i] : b[i];
        }
    }

    /** {@code mask[i] = x[i] != 0} (NaN counts as true, as in PyTorch's bool conversion). */
    public static void nonZero(double[] x, boolean[] mask) {
        for (int i = 0; i < x.length; i++) {
            mask[i] = x[i] != 0;
        }
    }

    /** {@code out[i] = 1} where {@code a[i] > b[i]}, else 0. */
    public static void greater(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] > b[i] ? 1 : 0;
        }
    }

    /** {@code out[i] = 1} where {@code a[i] < b[i]}, else 0. */
    public static void less(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] < b[i] ? 1 : 0;
        }
    }

    /** {@code out[i] = 1} where {@code a[i] == b[i]}, else 0. */
    public static void equal(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] == b[i] ? 1 : 0;
        }
    }

    /** {@code out[i] = value}. */
    public static void fill(double value, double[] out) {
        java.util.Arrays.fill(out, value);
    }
}
