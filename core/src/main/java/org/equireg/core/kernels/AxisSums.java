package org.equireg.core.kernels;

/**
 * Sums and p-norms along the middle axis of a row-major block {@code (outer, length, inner)}, the
 * terms added in index order. Precision-specific, so written by hand for each type: the float32
 * twin {@link AxisSumsF32} accumulates in double and rounds once, within one float ulp of the exact
 * value whatever the length, where a float accumulator drifts by up to {@code length} ulps.
 */
public final class AxisSums {
    private AxisSums() {
    }

    /** The sum of all values, added in index order. */
    public static double sumAll(double[] in) {
        double total = 0;
        for (double value : in) {
            total += value;
        }
        return total;
    }

    /** {@code out[o, i] = sum over k of in[o, k, i]}, k ascending. out modified. */
    public static void sum(double[] in, int outer, int length, int inner, double[] out) {
        for (int o = 0; o < outer; o++) {
            int to = o * inner;
            java.util.Arrays.fill(out, to, to + inner, 0.0);
            for (int k = 0; k < length; k++) {
                int from = (o * length + k) * inner;
                for (int i = 0; i < inner; i++) {
                    out[to + i] += in[from + i];
                }
            }
        }
    }

    /** {@code out[o, i] = (sum over k of |in[o, k, i]|^p)^(1/p)}, p in [1, inf] (inf: the largest magnitude). out modified. */
    public static void norm(double[] in, int outer, int length, int inner, double p, double[] out) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int start = o * length * inner + i;
                double accumulator = 0;
                for (int k = 0; k < length; k++) {
                    accumulator = accumulate(accumulator, Math.abs(in[start + k * inner]), p);
                }
                out[o * inner + i] = finish(accumulator, p);
            }
        }
    }

    /** One term of a p-norm added to its accumulator (shared with the float32 twin). */
    static double accumulate(double accumulator, double magnitude, double p) {
        if (p == 1) {
            return accumulator + magnitude;
        }
        if (p == 2) {
            return accumulator + magnitude * magnitude;
        }
        if (p == Double.POSITIVE_INFINITY) {
            return Math.max(accumulator, magnitude);
        }
        return accumulator + Math.pow(magnitude, p);
    }

    /** The p-norm from its accumulated terms. */
    static double finish(double accumulator, double p) {
        if (p == 2) {
            return Math.sqrt(accumulator);
        }
        return p == 1 || p == Double.POSITIVE_INFINITY ? accumulator : Math.pow(accumulator, 1 / p);
    }
}
