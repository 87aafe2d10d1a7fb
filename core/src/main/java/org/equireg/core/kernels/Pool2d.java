package org.equireg.core.kernels;

/**
 * Max and average pooling over square windows of (N, C, H, W) images, with their gradients.
 * Max pooling runs a vector of windows at a time ({@link VectorPool2d}, or its scalar twin
 * {@link ScalarPool2d}), with the same results as the window loop: over 2 x 2 windows at stride 2, the
 * common case, every window; over other windows at stride 1 or 2, those inside the image.
 * Planes (one channel of one image) are independent and spread over the {@link Parallel} pool;
 * within a plane the order of every sum is fixed, so results do not depend on the thread count.
 * Geometry: window {@code g.kernelHeight()} square, {@code g.stride()}, {@code g.padding()}
 * (dilation 1); every window must overlap the image (padding at most half the window).
 */
public final class Pool2d {
    /** The packed rows of a plane of narrow rows (see {@link #max2x2Forward}). */
    private static final Scratch PACKED_ROWS = new Scratch();

    private Pool2d() {
    }

    /**
     * {@code out[o]} = the maximum of window o, padding counting as -infinity; {@code argmax[o]} =
     * the input index of the first maximum in row-major order, or of the first NaN, which wins.
     *
     * @param in (N, C, H, W). Not modified.
     * @param out (N, C, outH, outW). Modified.
     * @param argmax same length as out. Modified.
     */
    public static void maxForward(double[] in, ConvGeometry g, double[] out, int[] argmax) {
        if (g.kernelHeight() == 2 && g.stride() == 2 && g.padding() == 0) {
            max2x2Forward(in, g, out, argmax);
            return;
        }
        // The geometry in locals: its output sizes are divisions, too slow to redo per window.
        int outH = g.outHeight();
        int outW = g.outWidth();
        int height = g.height();
        int width = g.width();
        int stride = g.stride();
        int padding = g.padding();
        int window = g.kernelHeight();
        // Windows at stride 1 or 2: those inside the image a vector at a time, the rest one by one.
        boolean runs = stride == 1 || stride == 2;
        int windows = Simd.VECTORIZED ? VectorPool2d.windows() : ScalarPool2d.windows();
        int[] taps = new int[window * window]; // tap t of a window, past its top-left pixel
        for (int t = 0; t < taps.length; t++) {
            taps[t] = t / window * width + t % window;
        }
        int firstInside = (padding + stride - 1) / stride; // the first window not left of the image
        // The last run inside the image: a run reads the image up to column x0 + stride * windows + window - 2.
        int lastRun = Math.min(outW - windows,
                Math.floorDiv(width - window + 1 + padding - stride * windows, stride));
        forEachPlane(g, plane -> {
            int base = plane * height * width;
            int o = plane * outH * outW;
            for (int oy = 0; oy < outH; oy++) {
                int y0 = Math.max(0, oy * stride - padding);
                int y1 = Math.min(height, oy * stride - padding + window);
                int ox = 0;
                if (runs && y1 - y0 == window && lastRun >= firstInside) {
                    for (; ox < firstInside; ox++, o++) {
                        maxWindow(in, base, width, y0, y1, ox * stride - padding, window, out, argmax, o);
                    }
                    for (int run = ox; run < lastRun + windows; run += windows) {
                        // The last run ends where the runs end, redoing windows of the one before: they come
                        // out the same, and none is left to the window loop.
                        int at = Math.min(run, lastRun);
                        maxRun(in, base, width, y0, y1, at, stride, padding, window, taps, out, argmax, o + at - ox);
                    }
                    o += lastRun + windows - ox;
                    ox = lastRun + windows;
                }
                for (; ox < outW; ox++, o++) {
                    maxWindow(in, base, width, y0, y1, ox * stride - padding, window, out, argmax, o);
                }
            }
        });
    }

    /**
     * The windows of a row from {@code ox} on, a run of {@link VectorPool2d#windows()} inside the image at
     * stride 1 or 2, to {@code out} and {@code argmax} from {@code o} on; a run with a NaN window by window.
     */
    private static void maxRun(double[] in, int base, int width, int y0, int y1, int ox, int stride, int padding,
                               int window, int[] taps, double[] out, int[] argmax, int o) {
        int top = base + y0 * width + ox * stride - padding;
        boolean done = Simd.VECTORIZED ? VectorPool2d.maxRun(in, top, stride, taps, out, argmax, o)
                : ScalarPool2d.maxRun(in, top, stride, taps, out, argmax, o);
        if (!done) {
            int windows = Simd.VECTORIZED ? VectorPool2d.windows() : ScalarPool2d.windows();
            for (int i = 0; i < windows; i++) {
                maxWindow(in, base, width, y0, y1, (ox + i) * stride - padding, window, out, argmax, o + i);
            }
        }
    }

    /**
     * {@link #maxForward} over 2 x 2 windows at stride 2 without padding, all inside the image (an odd last
     * row or column is left out), a vector of windows at a time. Rows at least a vector of windows wide go
     * a row at a time, their windows' pixels loaded as whole vectors; narrower rows (cnn28's 14 and 7 at
     * 16 float lanes) a plane at a time, its windows laid end to end across its rows: the plane's even rows
     * are copied one after another, and its odd rows, which makes them as regular as one wide row. The
     * last vector of a row or plane ends at its end, redoing windows of the vector before (they come out
     * the same) rather than leaving a tail to a scalar loop.
     */
    private static void max2x2Forward(double[] in, ConvGeometry g, double[] out, int[] argmax) {
        int outH = g.outHeight();
        int outW = g.outWidth();
        int width = g.width();
        int inPlane = g.height() * width;
        int outPlane = outH * outW;
        int windows = Simd.VECTORIZED ? VectorPool2d.windows() : ScalarPool2d.windows();
        if (outW >= windows) {
            forEachPlane(g, plane -> {
                for (int oy = 0; oy < outH; oy++) {
                    int top = plane * inPlane + 2 * oy * width;
                    int row = (plane * outH + oy) * outW;
                    for (int ox = 0; ox < outW; ox += windows) {
                        int at = Math.min(ox, outW - windows);
                        boolean done = Simd.VECTORIZED
                                ? VectorPool2d.max2x2(in, top + 2 * at, width, out, argmax, row + at)
                                : ScalarPool2d.max2x2(in, top + 2 * at, width, out, argmax, row + at);
                        if (!done) {
                            for (int i = at; i < at + windows; i++) {
                                max2x2Window(in, top + 2 * i, width, out, argmax, row + i);
                            }
                        }
                    }
                }
            });
            return;
        }
        int[] corners = new int[outPlane]; // the top-left pixel of each window, past the plane's first
        for (int o = 0; o < outPlane; o++) {
            corners[o] = 2 * (o / outW) * width + 2 * (o % outW);
        }
        int bottom = 2 * outPlane; // where the packed odd rows start
        forEachPlane(g, plane -> {
            int base = plane * inPlane;
            int first = plane * outPlane;
            if (outPlane < windows) { // too few windows for a vector
                for (int o = 0; o < outPlane; o++) {
                    max2x2Window(in, base + corners[o], width, out, argmax, first + o);
                }
                return;
            }
            double[] rows = PACKED_ROWS.take(2 * bottom);
            for (int oy = 0; oy < outH; oy++) {
                System.arraycopy(in, base + 2 * oy * width, rows, 2 * oy * outW, 2 * outW);
                System.arraycopy(in, base + (2 * oy + 1) * width, rows, bottom + 2 * oy * outW, 2 * outW);
            }
            for (int o = 0; o < outPlane; o += windows) {
                int at = Math.min(o, outPlane - windows);
                boolean done = Simd.VECTORIZED
                        ? VectorPool2d.max2x2Packed(rows, bottom, at, base, width, corners, out, argmax, first + at)
                        : ScalarPool2d.max2x2Packed(rows, bottom, at, base, width, corners, out, argmax, first + at);
                if (!done) {
                    for (int i = at; i < at + windows; i++) {
                        max2x2Window(in, base + corners[i], width, out, argmax, first + i);
                    }
                }
            }
            PACKED_ROWS.give(rows);
        });
    }

    /** The 2 x 2 window whose top-left pixel is {@code top}, its first NaN winning, to out[o] and argmax[o]. */
    private static void max2x2Window(double[] in, int top, int width, double[] out, int[] argmax, int o) {
        int best = ScalarPool2d.argmax2x2(in, top, width);
        if (best < 0) { // the first NaN in row-major order
            best = in[top] != in[top] ? top : in[top + 1] != in[top + 1] ? top + 1
                    : in[top + width] != in[top + width] ? top + width : top + width + 1;
        }
        out[o] = in[best];
        argmax[o] = best;
    }

    /**
     * The maximum of the window over rows [y0, y1) and the columns from x (left of the image when
     * negative), {@code window} wide, clipped to the image, and its {@link #argmax}, to {@code out[o]}
     * and {@code argmax[o]}.
     */
    private static void maxWindow(double[] in, int base, int width, int y0, int y1, int x, int window,
                                  double[] out, int[] argmax, int o) {
        int best = argmax(in, base, width, y0, y1, Math.max(0, x), Math.min(width, x + window));
        out[o] = in[best];
        argmax[o] = best;
    }

    /**
     * The input index of the first maximum of the window rows [y0, y1) by columns [x0, x1) of the plane
     * at {@code base}, in row-major order, or of its first NaN, which wins.
     */
    private static int argmax(double[] in, int base, int width, int y0, int y1, int x0, int x1) {
        int best = base + y0 * width + x0;
        if (y1 - y0 == 2 && x1 - x0 == 2) {
            int found = ScalarPool2d.argmax2x2(in, best, width);
            if (found >= 0) {
                return found;
            }
        }
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int index = base + y * width + x;
                if (Double.isNaN(in[index])) {
                    return index;
                }
                if (in[index] > in[best]) {
                    best = index;
                }
            }
        }
        return best;
    }

    /**
     * {@code dx[argmax[o]] += gradOut[o]} for every o, in increasing o within each plane.
     *
     * @param gradOut (N, C, outH, outW). Not modified.
     * @param argmax from {@link #maxForward}. Not modified.
     * @param dx (N, C, H, W), zero on entry. Modified.
     */
    public static void maxBackward(double[] gradOut, int[] argmax, ConvGeometry g, double[] dx) {
        int outPlane = g.outHeight() * g.outWidth();
        forEachPlane(g, plane -> {
            for (int o = plane * outPlane; o < (plane + 1) * outPlane; o++) {
                dx[argmax[o]] += gradOut[o];
            }
        });
    }

    /**
     * {@code out[o]} = (sum of the window's pixels inside the image, in row-major order) / k^2:
     * padding counts as zeros (PyTorch's {@code count_include_pad=True}).
     *
     * @param in (N, C, H, W). Not modified.
     * @param out (N, C, outH, outW). Modified.
     */
    public static void avgForward(double[] in, ConvGeometry g, double[] out) {
        double area = (double) g.kernelHeight() * g.kernelHeight();
        int outPlane = g.outHeight() * g.outWidth();
        forEachPlane(g, plane -> {
            int base = plane * g.height() * g.width();
            for (int oy = 0; oy < g.outHeight(); oy++) {
                int y0 = Math.max(0, oy * g.stride() - g.padding());
                int y1 = Math.min(g.height(), oy * g.stride() - g.padding() + g.kernelHeight());
                for (int ox = 0; ox < g.outWidth(); ox++) {
                    int x0 = Math.max(0, ox * g.stride() - g.padding());
                    int x1 = Math.min(g.width(), ox * g.stride() - g.padding() + g.kernelHeight());
                    double sum = 0;
                    for (int y = y0; y < y1; y++) {
                        for (int x = x0; x < x1; x++) {
                            sum += in[base + y * g.width() + x];
                        }
                    }
                    out[plane * outPlane + oy * g.outWidth() + ox] = sum / area;
                }
            }
        });
    }

    /**
     * {@code dx[i] += gradOut[o] / k^2} for every pixel i inside window o, in increasing o within each plane.
     *
     * @param gradOut (N, C, outH, outW). Not modified.
     * @param dx (N, C, H, W), zero on entry. Modified.
     */
    public static void avgBackward(double[] gradOut, ConvGeometry g, double[] dx) {
        double area = (double) g.kernelHeight() * g.kernelHeight();
        int outPlane = g.outHeight() * g.outWidth();
        forEachPlane(g, plane -> {
            int base = plane * g.height() * g.width();
            for (int oy = 0; oy < g.outHeight(); oy++) {
                int y0 = Math.max(0, oy * g.stride() - g.padding());
                int y1 = Math.min(g.height(), oy * g.stride() - g.padding() + g.kernelHeight());
                for (int ox = 0; ox < g.outWidth(); ox++) {
                    int x0 = Math.max(0, ox * g.stride() - g.padding());
                    int x1 = Math.min(g.width(), ox * g.stride() - g.padding() + g.kernelHeight());
                    double share = gradOut[plane * outPlane + oy * g.outWidth() + ox] / area;
                    for (int y = y0; y < y1; y++) {
                        for (int x = x0; x < x1; x++) {
                            dx[base + y * g.width() + x] += share;
                        }
                    }
                }
            }
        });
    }

    /** Runs {@code body} for every plane; a task is a plane, its cost about one operation per window tap. */
    private static void forEachPlane(ConvGeometry g, java.util.function.IntConsumer body) {
        int planes = g.batch() * g.channels();
        long taps = (long) planes * g.outHeight() * g.outWidth() * g.kernelHeight() * g.kernelHeight();
        Parallel.forEach(planes, taps, body);
    }
}
