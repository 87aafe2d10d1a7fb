package org.equireg.core.kernels;

/**
 * The float32 twin of {@link AxisSums}, written by hand: every sum and norm accumulates the float
 * values in double, in the same index order, and rounds once to float.
 */
public final class AxisSumsF32 {
    private AxisSumsF32() {
    }

    /** The sum of all values, accumulated in double and rounded once. */
    public static float sumAll(float[] in) {
        double total = 0;
        for (float value : in) {
            total += value;
        }
        return (float) total;
    }

    /** {@code out[o, i] = sum over k of in[o, k, i]}, k ascending, accumulated in double. out modified. */
    public static void sum(float[] in, int outer, int length, int inner, float[] out) {
        double[] sums = new double[inner];
        for (int o = 0; o < outer; o++) {
            java.util.Arrays.fill(sums, 0.0);
            for (int k = 0; k < length; k++) {
                int from = (o * length + k) * inner;
                for (int i = 0; i < inner; i++) {
                    sums[i] += in[from + i];
                }
            }
            for (int i = 0; i < inner; i++) {
                out[o * inner + i] = (float) sums[i];
            }
        }
    }

    /** {@link AxisSums#norm} of float values, accumulated in double and rounded once. out modified. */
    public static void norm(float[] in, int outer, int length, int inner, double p, float[] out) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int start = o * length * inner + i;
                double accumulator = 0;
                for (int k = 0; k < length; k++) {
                    accumulator = AxisSums.accumulate(accumulator, Math.abs(in[start + k * inner]), p);
                }
                out[o * inner + i] = (float) AxisSums.finish(accumulator, p);
            }
        }
    }
}
