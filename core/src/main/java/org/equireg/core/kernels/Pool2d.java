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
        // The geometry in locals: its output sizes are divisions, too slow to redo per window.
        int outH = g.outHeight();
        int outW = g.outWidth();
        int height = g.height();
        int width = g.width();
        int stride = g.stride();
        int padding = g.padding();
        int window = g.kernelHeight();
        // 2 x 2 windows at stride 2 without padding: all inside the image, a vector of them at a time.
        boolean rows2x2 = window == 2 && stride == 2 && padding == 0;
        // Other windows at stride 1 or 2: those inside the image a vector at a time, the rest one by one.
        boolean runs = !rows2x2 && (stride == 1 || stride == 2);
        int windows = Simd.VECTORIZED ? VectorPool2d.windows() : ScalarPool2d.windows();
        int[] taps = new int[window * window]; // tap t of a window, past its top-left pixel
        for (int t = 0; t < taps.length; t++) {
            taps[t] = t / window * width + t % window;
        }
        int firstInside = (padding + stride - 1) / stride; // the first window not left of the image
        forEachPlane(g, plane -> {
            int base = plane * height * width;
            int o = plane * outH * outW;
            for (int oy = 0; oy < outH; oy++) {
                int y0 = Math.max(0, oy * stride - padding);
                int y1 = Math.min(height, oy * stride - padding + window);
                int ox = 0;
                if (runs && y1 - y0 == window) {
                    for (; ox < Math.min(firstInside, outW); ox++, o++) {
                        maxWindow(in, base, width, y0, y1, ox * stride - padding, window, out, argmax, o);
                    }
                    // A run reads the image up to column x0 + stride * windows + window - 2.
                    for (; ox + windows <= outW && ox * stride - padding + stride * windows + window - 1 <= width;
                         ox += windows, o += windows) {
                        int top = base + y0 * width + ox * stride - padding;
                        boolean done = Simd.VECTORIZED ? VectorPool2d.maxRun(in, top, stride, taps, out, argmax, o)
                                : ScalarPool2d.maxRun(in, top, stride, taps, out, argmax, o);
                        if (!done) {
                            for (int i = 0; i < windows; i++) {
                                maxWindow(in, base, width, y0, y1, (ox + i) * stride - padding, window, out, argmax,
                                        o + i);
                            }
                        }
                    }
                }
                if (rows2x2) {
                    for (; ox + windows <= outW; ox += windows, o += windows) {
                        int top = base + y0 * width + 2 * ox;
                        boolean done = Simd.VECTORIZED ? VectorPool2d.max2x2(in, top, width, out, argmax, o)
                                : ScalarPool2d.max2x2(in, top, width, out, argmax, o);
                        if (!done) {
                            for (int i = 0; i < windows; i++) {
                                maxWindow(in, base, width, y0, y1, 2 * (ox + i), 2, out, argmax, o + i);
                            }
                        }
                    }
                }
                for (; ox < outW; ox++, o++) {
                    maxWindow(in, base, width, y0, y1, ox * stride - padding, window, out, argmax, o);
                }
            }
        });
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
