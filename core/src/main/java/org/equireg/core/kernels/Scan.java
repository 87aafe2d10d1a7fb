package org.equireg.core.kernels;

/**
 * Prefix sums along the middle axis of a row-major block {@code (outer, length, inner)}.
 *
 * <p>No vector twin of its own: along an inner axis the scan is a chain of row additions, each done by
 * {@link Elementwise#add} (Vector API or its scalar twin, same bits); along the last axis
 * ({@code inner == 1}) each sum needs the one before it, a chain that lanes cannot share without
 * adding in another order. Either way every output is the same sequence of roundings, from the
 * first index of the axis on, so the result does not depend on the path.
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
        for (int o = 0; o < outer; o++) {
            int row = (o * length + first) * inner;
            System.arraycopy(in, row, out, row, inner);
            for (int k = 1; k < length; k++) {
                int previous = row;
                row += step;
                if (inner == 1) {
                    out[row] = out[previous] + in[row]; // a call per element would cost more than the addition
                } else {
                    Elementwise.add(out, previous, in, row, out, row, inner);
                }
            }
        }
    }
}
