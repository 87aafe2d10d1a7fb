package org.equireg.core.kernels;

/**
 * The scalar twin of {@link VectorPool2d}: runs of 2 x 2 windows at stride 2 (along a row, or across the
 * rows of a packed plane), and of any square window at stride 1 or 2, one window at a time, with the same
 * results; a run with a NaN is left to the caller, who recomputes it window by window.
 */
final class ScalarPool2d {
    /** Windows per call: as many as a 512-bit vector of floats holds, so that both paths cut rows alike. */
    private static final int WINDOWS = 16;

    private ScalarPool2d() {
    }

    /** Windows per call. */
    static int windows() {
        return WINDOWS;
    }

    /**
     * {@link VectorPool2d#max2x2}: the {@link #windows()} windows whose top-left pixels are {@code top,
     * top + 2, ...}, written to {@code out} and {@code argmax} from {@code o} on; false when one holds a NaN,
     * the run then left to the caller.
     */
    static boolean max2x2(double[] in, int top, int width, double[] out, int[] argmax, int o) {
        for (int i = 0; i < WINDOWS; i++) {
            int found = argmax2x2(in, top + 2 * i, width);
            if (found < 0) {
                return false;
            }
            out[o + i] = in[found];
            argmax[o + i] = found;
        }
        return true;
    }

    /**
     * {@link VectorPool2d#max2x2Packed}: the {@link #windows()} windows {@code at, at + 1, ...} of a plane
     * packed into {@code rows} (even rows from 0, odd rows from {@code bottom}), written to {@code out} and
     * {@code argmax} from {@code o} on, the argmax back in the image; false when one holds a NaN, the run
     * then left to the caller.
     */
    static boolean max2x2Packed(double[] rows, int bottom, int at, int base, int width, int[] corners, double[] out,
                                int[] argmax, int o) {
        for (int i = 0; i < WINDOWS; i++) {
            int top = 2 * (at + i);
            int found = argmax2x2(rows, top, bottom);
            if (found < 0) {
                return false;
            }
            out[o + i] = rows[found];
            argmax[o + i] = base + corners[at + i] + ((found - top) & 1) + (found >= bottom ? width : 0);
        }
        return true;
    }

    /**
     * The first maximum of the 2 x 2 window whose top-left pixel is {@code top}, in row-major order
     * (strictly greater replaces), or -1 when the window holds a NaN. Written as selections, which
     * the JIT turns into conditional moves: where the maximum lies is a coin toss, and branches on it
     * mispredicted half the time (measured 1.8x slower on random data).
     */
    static int argmax2x2(double[] in, int top, int width) {
        double v0 = in[top];
        double v1 = in[top + 1];
        double v2 = in[top + width];
        double v3 = in[top + width + 1];
        if (v0 != v0 | v1 != v1 | v2 != v2 | v3 != v3) {
            return -1;
        }
        // The running maximum may differ from in[best] only in the sign of a zero, which compares equal.
        int best = v1 > v0 ? top + 1 : top;
        double max = Math.max(v0, v1);
        best = v2 > max ? top + width : best;
        max = Math.max(max, v2);
        return v3 > max ? top + width + 1 : best;
    }

    /**
     * {@link VectorPool2d#maxRun}: the {@link #windows()} windows whose top-left pixels are {@code top,
     * top + stride, ...}, tap t of each {@code taps[t]} past it, written to {@code out} and {@code argmax}
     * from {@code o} on; false when one holds a NaN, the run then left to the caller.
     */
    static boolean maxRun(double[] in, int top, int stride, int[] taps, double[] out, int[] argmax, int o) {
        for (int i = 0; i < WINDOWS; i++) {
            int corner = top + stride * i;
            int best = corner + taps[0];
            for (int t = 0; t < taps.length; t++) {
                int index = corner + taps[t];
                if (in[index] != in[index]) {
                    return false;
                }
                best = in[index] > in[best] ? index : best;
            }
            out[o + i] = in[best];
            argmax[o + i] = best;
        }
        return true;
    }
}
