package org.equireg.core.kernels;

/**
 * Prefix sums along the middle axis of a row-major block {@code (outer, length, inner)}.
 *
 * <p>Every running sum is kept in a double accumulator and rounded once per output, as PyTorch's CPU
 * cumsum does for float: in float32 each prefix is then within about one rounding of its exact value
 * whatever the length, where a float running sum drifts by up to one rounding per term (and stalls at
 * 2^24 when adding ones). In float64 the accumulator is the element type. Each sum needs the one before
 * it, so there is no vector twin (lanes would have to add in another order); the order is fixed, from
 * the first index of the axis on, so the result does not depend on the path or the thread count.
 */
public final class Scan {
    private Scan() {
    }

    /**
     * {@code out[o, k, i] = in[o, 0, i] + in[o, 1, i] + ... + in[o, k, i]}, added left to right; with
     * {@code reverse}, {@code out[o, k, i] = in[o, length - 1, i] + ... + in[o, k, i]}, added from the
     * last index down. in not modified; out modified, may be in.
     */
    public static void cumsum(double[] in, double[] out, int outer, int length, int inner, boolean reverse) {
        if (length == 0) {
            return;
        }
        int first = reverse ? length - 1 : 0;
        int step = reverse ? -inner : inner;
        /* wide */ double[] sums = new /* wide */ double[inner];
        for (int o = 0; o < outer; o++) {
            int row = (o * length + first) * inner;
            for (int i = 0; i < inner; i++) {
                sums[i] = in[row + i];
                out[row + i] = in[row + i];
            }
            for (int k = 1; k < length; k++) {
                row += step;
                for (int i = 0; i < inner; i++) {
                    sums[i] += in[row + i];
                    out[row + i] = (double) sums[i];
                }
            }
        }
    }
}
