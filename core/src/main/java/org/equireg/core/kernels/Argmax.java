package org.equireg.core.kernels;

/**
 * The index of the first maximum along the middle axis of a row-major block {@code (outer, length,
 * inner)}, in float64 only: {@link Reduce#argmax} widens float32 values first (exactly, keeping their
 * order and NaNs), since indices are whole numbers that float32 holds exactly only up to 2^24.
 */
public final class Argmax {
    private Argmax() {
    }

    /**
     * {@code out[o, i]} = the index k of the first maximum of {@code in[o, k, i]} (the first NaN if
     * any), as a whole number; length &gt;= 1. out modified.
     */
    public static void of(double[] in, int outer, int length, int inner, double[] out) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int bestIndex = 0;
                double best = in[o * length * inner + i];
                for (int k = 1; k < length && best == best; k++) {
                    double value = in[(o * length + k) * inner + i];
                    if (value > best || value != value) {
                        best = value;
                        bestIndex = k;
                    }
                }
                out[o * inner + i] = bestIndex;
            }
        }
    }
}
