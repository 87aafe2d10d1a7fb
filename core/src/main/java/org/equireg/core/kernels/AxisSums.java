package org.equireg.core.kernels;

/**
 * Sums and p-norms along the middle axis of a row-major block {@code (outer, length, inner)}, the
 * terms added in index order into double accumulators ({@code /* wide *}{@code /}), so the float32
 * twin, generated, rounds each result once: within one float ulp of the exact value whatever the
 * length, where a float accumulator drifts by up to {@code length} ulps. For float64 the order and
 * the bits are those of a plain running sum.
 */
public final class AxisSums {
    private AxisSums() {
    }

    /** The sum of all values, added in index order. */
    public static double sumAll(double[] in) {
        /* wide */ double total = 0;
        for (double value : in) {
            total += value;
        }
        return (double) total;
    }

    /** {@code out[o, i] = sum over k of in[o, k, i]}, k ascending. out modified. */
    public static void sum(double[] in, int outer, int length, int inner, double[] out) {
        /* wide */ double[] sums = new /* wide */ double[inner];
        for (int o = 0; o < outer; o++) {
            java.util.Arrays.fill(sums, 0.0);
            for (int k = 0; k < length; k++) {
                int from = (o * length + k) * inner;
                for (int i = 0; i < inner; i++) {
                    sums[i] += in[from + i];
                }
            }
            for (int i = 0; i < inner; i++) {
                out[o * inner + i] = (double) sums[i];
            }
        }
    }

    /** {@code out[o, i] = (sum over k of |in[o, k, i]|^p)^(1/p)}, p in [1, inf] (inf: the largest magnitude). out modified. */
    public static void norm(double[] in, int outer, int length, int inner, /* wide */ double p, double[] out) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int start = o * length * inner + i;
                /* wide */ double accumulator = 0;
                for (int k = 0; k < length; k++) {
                    accumulator = PNorm.accumulate(accumulator, Math.abs(in[start + k * inner]), p);
                }
                out[o * inner + i] = (double) PNorm.finish(accumulator, p);
            }
        }
    }
}
