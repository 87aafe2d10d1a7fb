package org.equireg.core.kernels;

/**
 * Largest values along the middle axis of a row-major block {@code (outer, length, inner)}, NaN
 * propagating. The float32 twin is generated; {@link Reduce} picks one by the storage's type.
 */
public final class Extrema {
    private Extrema() {
    }

    /** {@code out[o, i] = max over k of in[o, k, i]}; NaN when any is NaN; length &gt;= 1. out modified. */
    public static void max(double[] in, int outer, int length, int inner, double[] out) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < length; k++) {
                    double value = in[(o * length + k) * inner + i];
                    if (value > best || value != value) {
                        best = value;
                        if (value != value) {
                            break;
                        }
                    }
                }
                out[o * inner + i] = best;
            }
        }
    }
}
