package org.equireg.core.kernels;

import static org.equireg.core.kernels.KernelTesting.SEED;
import static org.equireg.core.kernels.KernelTesting.assertBitwiseEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pooling kernels against direct window loops, with ties, NaN and infinities, and across thread counts. */
class Pool2dTest {

    private static final int[][] GEOMETRIES = {
        // batch, channels, height, width, kernel, stride, padding
        {2, 3, 6, 6, 2, 2, 0}, {1, 2, 7, 5, 3, 2, 1}, {2, 1, 5, 5, 3, 1, 1}, {1, 1, 4, 4, 1, 1, 0},
        {1, 2, 9, 8, 4, 3, 2}, {3, 2, 3, 3, 3, 3, 1}, {2, 2, 5, 6, 2, 1, 1},
        // Rows of 2 x 2 windows wide enough for whole vectors of them and a tail (odd sizes leave a column).
        {2, 2, 6, 70, 2, 2, 0}, {1, 3, 5, 67, 2, 2, 0},
        // cnn28's pools (rows of 14 and 7 windows: narrower than a vector of floats at 512 bits, windows
        // gathered across rows), odd sizes that leave the last row and column out, planes of fewer windows
        // than a vector, rows exactly a vector wide or one more.
        {3, 2, 28, 28, 2, 2, 0}, {2, 3, 14, 14, 2, 2, 0}, {2, 2, 15, 15, 2, 2, 0}, {3, 1, 7, 7, 2, 2, 0},
        {2, 2, 3, 5, 2, 2, 0}, {1, 2, 9, 33, 2, 2, 0}, {1, 1, 4, 34, 2, 2, 0}, {2, 1, 5, 16, 2, 2, 0},
        {1, 1, 2, 2, 2, 2, 0},
        // Other windows at stride 1 or 2, rows wide enough for runs of windows inside the image, padded or
        // not, odd sizes: runs, the windows at the edges one by one, and a run redone for its NaN.
        {1, 2, 7, 71, 3, 1, 1}, {2, 1, 6, 69, 3, 2, 1}, {1, 1, 5, 90, 3, 2, 0}, {1, 2, 6, 53, 5, 1, 2},
        {1, 1, 4, 37, 2, 1, 0}, {1, 1, 7, 83, 4, 2, 1}, {1, 1, 3, 101, 1, 2, 0},
    };

    private static ConvGeometry geometry(int[] s) {
        return new ConvGeometry(s[0], s[1], s[2], s[3], s[4], s[4], s[5], s[6], 1);
    }

    /** Small integers, so ties are common (a -0.0 among them), plus a NaN and infinities in some windows. */
    private static double[] input(Random random, int length, boolean specials) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextInt(5) - 2;
        }
        if (specials && length > 7) {
            values[1] = -0.0;
            values[3] = Double.NaN;
            values[5] = Double.NEGATIVE_INFINITY;
            values[length - 2] = Double.POSITIVE_INFINITY;
        }
        if (specials && length > 400) {
            // In rows 70 wide: infinities of both signs in one 2 x 2 window (their sum is NaN, as if
            // a NaN were there), and a NaN in the middle of a row.
            values[141] = Double.POSITIVE_INFINITY;
            values[211] = Double.NEGATIVE_INFINITY;
            values[300] = Double.NaN;
        }
        return values;
    }

    /** The window's taps inside the image, in row-major order. */
    private static int[] taps(ConvGeometry g, int plane, int oy, int ox) {
        int k = g.kernelHeight();
        int[] found = new int[k * k];
        int count = 0;
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                int y = oy * g.stride() - g.padding() + ky;
                int x = ox * g.stride() - g.padding() + kx;
                if (y >= 0 && y < g.height() && x >= 0 && x < g.width()) {
                    found[count++] = (plane * g.height() + y) * g.width() + x;
                }
            }
        }
        return java.util.Arrays.copyOf(found, count);
    }

    /** The vector runs of 2 x 2 windows against their scalar twin, on ties and signed zeros, bit for bit. */
    @Test
    void vectorRunsOf2x2WindowsMatchTheScalarTwin() {
        KernelTesting.assumeVectorModule();
        Random random = new Random(SEED);
        int width = 2 * 48 + 1;
        double[] in = input(random, 2 * width, false);
        in[4] = -0.0;
        in[5] = 0.0;
        double[] expected = new double[48];
        int[] expectedArgmax = new int[48];
        for (int o = 0; o < 48; o += ScalarPool2d.windows()) {
            assertTrue(ScalarPool2d.max2x2(in, 2 * o, width, expected, expectedArgmax, o), "scalar run at " + o);
        }
        double[] out = new double[48];
        int[] argmax = new int[48];
        for (int o = 0; o < 48; o += VectorPool2d.windows()) {
            assertTrue(VectorPool2d.max2x2(in, 2 * o, width, out, argmax, o), "vector run at " + o);
        }
        assertBitwiseEquals(expected, out, "maxima");
        assertArrayEquals(expectedArgmax, argmax, "argmax");
    }

    /**
     * The 2 x 2 windows of a packed plane (even rows end to end, then odd rows) against their scalar twin,
     * on ties and signed zeros, bit for bit, starting at every window of a 15 x 15 plane and of a 28 x 28
     * one; the argmax lands in the image at the window's first maximum.
     */
    @Test
    void packed2x2WindowsMatchTheScalarTwin() {
        KernelTesting.assumeVectorModule();
        Random random = new Random(SEED);
        for (int size : new int[] {15, 28}) {
            int outSize = size / 2;
            int outPlane = outSize * outSize;
            int[] corners = new int[outPlane];
            for (int o = 0; o < outPlane; o++) {
                corners[o] = 2 * (o / outSize) * size + 2 * (o % outSize);
            }
            int base = 3;
            double[] in = input(random, base + size * size, false);
            in[base + 4] = -0.0;
            in[base + 5] = 0.0;
            int bottom = 2 * outPlane;
            double[] rows = new double[2 * bottom];
            for (int oy = 0; oy < outSize; oy++) {
                System.arraycopy(in, base + 2 * oy * size, rows, 2 * oy * outSize, 2 * outSize);
                System.arraycopy(in, base + (2 * oy + 1) * size, rows, bottom + 2 * oy * outSize, 2 * outSize);
            }
            int windows = ScalarPool2d.windows();
            for (int at = 0; at + windows <= outPlane; at++) {
                double[] expected = new double[windows];
                int[] expectedArgmax = new int[windows];
                assertTrue(ScalarPool2d.max2x2Packed(rows, bottom, at, base, size, corners, expected, expectedArgmax,
                        0));
                double[] out = new double[windows];
                int[] argmax = new int[windows];
                for (int o = 0; o < windows; o += VectorPool2d.windows()) {
                    assertTrue(VectorPool2d.max2x2Packed(rows, bottom, at + o, base, size, corners, out, argmax, o));
                }
                String what = " from window " + at + " of a " + size + "-wide plane";
                assertBitwiseEquals(expected, out, "maxima" + what);
                assertArrayEquals(expectedArgmax, argmax, "argmax" + what);
                for (int i = 0; i < windows; i++) {
                    int top = base + corners[at + i];
                    int best = top;
                    for (int tap : new int[] {top + 1, top + size, top + size + 1}) {
                        best = in[tap] > in[best] ? tap : best;
                    }
                    assertEquals(best, argmax[i], "first maximum of window " + (at + i) + what);
                }
            }
        }
    }

    /**
     * Vector runs of any window at stride 1 and 2 against their scalar twin, on ties and signed zeros, bit
     * for bit; the windows of a run are consecutive windows of one row of a 7-row image.
     */
    @Test
    void vectorRunsOfAnyWindowMatchTheScalarTwin() {
        KernelTesting.assumeVectorModule();
        Random random = new Random(SEED);
        int runs = 48; // a multiple of both paths' windows per call
        for (int stride = 1; stride <= 2; stride++) {
            for (int window = 1; window <= 5; window++) {
                int width = stride * runs + window + 3;
                double[] in = input(random, 7 * width, false);
                in[width + 4] = -0.0;
                in[width + 5] = 0.0;
                int[] taps = new int[window * window];
                for (int t = 0; t < taps.length; t++) {
                    taps[t] = t / window * width + t % window;
                }
                int top = width + 1;
                double[] expected = new double[runs];
                int[] expectedArgmax = new int[runs];
                for (int o = 0; o < runs; o += ScalarPool2d.windows()) {
                    assertTrue(ScalarPool2d.maxRun(in, top + stride * o, stride, taps, expected, expectedArgmax, o),
                            "scalar run at " + o);
                }
                double[] out = new double[runs];
                int[] argmax = new int[runs];
                for (int o = 0; o < runs; o += VectorPool2d.windows()) {
                    assertTrue(VectorPool2d.maxRun(in, top + stride * o, stride, taps, out, argmax, o),
                            "vector run at " + o);
                }
                String what = window + " x " + window + " windows, stride " + stride;
                assertBitwiseEquals(expected, out, "maxima, " + what);
                assertArrayEquals(expectedArgmax, argmax, "argmax, " + what);
                for (int o = 0; o < runs; o++) {
                    int best = top + stride * o;
                    for (int tap : taps) {
                        best = in[top + stride * o + tap] > in[best] ? top + stride * o + tap : best;
                    }
                    assertEquals(best, argmax[o], "first maximum of window " + o + ", " + what);
                }
            }
        }
    }

    @Test
    void maxPicksTheFirstMaximumAndLetsNanWin() {
        Random random = new Random(SEED);
        for (int[] shape : GEOMETRIES) {
            ConvGeometry g = geometry(shape);
            double[] in = input(random, shape[0] * shape[1] * shape[2] * shape[3], true);
            int outLength = shape[0] * shape[1] * g.outHeight() * g.outWidth();
            int[] expectedArgmax = assertMaxMatchesTheWindowLoop(g, in, "");

            double[] gradOut = KernelTesting.values(random, outLength);
            double[] expectedDx = new double[in.length];
            for (int i = 0; i < outLength; i++) {
                expectedDx[expectedArgmax[i]] += gradOut[i];
            }
            double[] dx = new double[in.length];
            Pool2d.maxBackward(gradOut, expectedArgmax, g, dx);
            assertBitwiseEquals(expectedDx, dx, "max backward " + g);
        }
    }

    /**
     * Runs {@link Pool2d#maxForward} and checks it against the window loop: per window the first maximum in
     * row-major order, or the first NaN, which wins. Returns the argmax.
     */
    private static int[] assertMaxMatchesTheWindowLoop(ConvGeometry g, double[] in, String what) {
        int planes = g.batch() * g.channels();
        int outLength = planes * g.outHeight() * g.outWidth();
        double[] expected = new double[outLength];
        int[] expectedArgmax = new int[outLength];
        int o = 0;
        for (int plane = 0; plane < planes; plane++) {
            for (int oy = 0; oy < g.outHeight(); oy++) {
                for (int ox = 0; ox < g.outWidth(); ox++, o++) {
                    int best = -1;
                    for (int index : taps(g, plane, oy, ox)) {
                        if (best < 0 || in[index] > in[best] || Double.isNaN(in[index]) && !Double.isNaN(in[best])) {
                            best = index;
                        }
                    }
                    expected[o] = in[best];
                    expectedArgmax[o] = best;
                }
            }
        }
        double[] out = new double[outLength];
        int[] argmax = new int[outLength];
        Pool2d.maxForward(in, g, out, argmax);
        assertBitwiseEquals(expected, out, "max " + g + what);
        assertArrayEquals(expectedArgmax, argmax, "argmax " + g + what);
        return argmax;
    }

    /**
     * 2 x 2 pools at stride 2 of cnn28's sizes and odd ones, with NaN (two in a window, so the first must
     * win), infinities of both signs (together in a window their sum is NaN, as if a NaN were there) and
     * signed zeros scattered over every plane, so they fall in every lane of the vectors, against the window
     * loop; ties everywhere.
     */
    @Test
    void maxOf2x2WindowsHandlesSpecialsInEveryLane() {
        Random random = new Random(SEED);
        int[][] shapes = {{3, 4, 28, 28}, {2, 5, 14, 14}, {2, 3, 15, 15}, {4, 2, 7, 7}, {2, 2, 11, 36}, {1, 3, 5, 5}};
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0};
        for (int[] shape : shapes) {
            ConvGeometry g = new ConvGeometry(shape[0], shape[1], shape[2], shape[3], 2, 2, 2, 0, 1);
            for (int round = 0; round < 6; round++) {
                double[] in = input(random, shape[0] * shape[1] * shape[2] * shape[3], false);
                int count = round * in.length / 40; // none at first, then up to an eighth of the pixels
                for (int i = 0; i < count; i++) {
                    in[random.nextInt(in.length)] = specials[random.nextInt(specials.length)];
                }
                if (round == 5) { // two NaN of different bits in a window: the first is taken
                    in[1] = Double.longBitsToDouble(Double.doubleToRawLongBits(Double.NaN) + 1);
                    in[shape[3]] = Double.longBitsToDouble(Double.doubleToRawLongBits(Double.NaN) + 2);
                }
                assertMaxMatchesTheWindowLoop(g, in, ", round " + round);
            }
        }
    }

    @Test
    void averageCountsPaddingAsZeros() {
        Random random = new Random(SEED);
        for (int[] shape : GEOMETRIES) {
            ConvGeometry g = geometry(shape);
            double[] in = KernelTesting.values(random, shape[0] * shape[1] * shape[2] * shape[3]);
            int outLength = shape[0] * shape[1] * g.outHeight() * g.outWidth();
            double area = shape[4] * shape[4];
            double[] gradOut = KernelTesting.values(random, outLength);
            double[] expected = new double[outLength];
            double[] expectedDx = new double[in.length];
            int o = 0;
            for (int plane = 0; plane < shape[0] * shape[1]; plane++) {
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    for (int ox = 0; ox < g.outWidth(); ox++, o++) {
                        double sum = 0;
                        for (int index : taps(g, plane, oy, ox)) {
                            sum += in[index];
                            expectedDx[index] += gradOut[o] / area;
                        }
                        expected[o] = sum / area;
                    }
                }
            }
            double[] out = new double[outLength];
            Pool2d.avgForward(in, g, out);
            assertBitwiseEquals(expected, out, "average " + g);
            double[] dx = new double[in.length];
            Pool2d.avgBackward(gradOut, g, dx);
            assertBitwiseEquals(expectedDx, dx, "average backward " + g);
        }
    }

    @Test
    void resultsAreBitwiseIdenticalForOneTwoAndFourThreads() {
        // 3 x 3 windows at stride 1, and cnn28's second pool (2 x 2 at stride 2, 14 x 14 to 7 x 7).
        ConvGeometry[] geometries = {new ConvGeometry(8, 16, 48, 48, 3, 3, 1, 1, 1),
            new ConvGeometry(64, 168, 14, 14, 2, 2, 2, 0, 1)};
        Random random = new Random(SEED);
        for (ConvGeometry g : geometries) {
            double[] in = KernelTesting.values(random, g.batch() * g.channels() * g.height() * g.width());
            int outLength = g.batch() * g.channels() * g.outHeight() * g.outWidth();
            long taps = (long) g.kernelHeight() * g.kernelHeight() * outLength;
            assertTrue(taps >= Parallel.MIN_PARALLEL_FLOPS, "the case must be big enough to run in parallel");
            double[] gradOut = KernelTesting.values(random, outLength);
            double[][] one = Parallel.withThreads(1, () -> pool(g, in, gradOut, outLength));
            for (int threads : new int[] {2, 4}) {
                double[][] many = Parallel.withThreads(threads, () -> pool(g, in, gradOut, outLength));
                assertEquals(one.length, many.length);
                for (int i = 0; i < one.length; i++) {
                    assertBitwiseEquals(one[i], many[i], "result " + i + " with " + threads + " threads, " + g);
                }
            }
        }
    }

    private static double[][] pool(ConvGeometry g, double[] in, double[] gradOut, int outLength) {
        double[] max = new double[outLength];
        int[] argmax = new int[outLength];
        double[] maxDx = new double[in.length];
        double[] avg = new double[outLength];
        double[] avgDx = new double[in.length];
        Pool2d.maxForward(in, g, max, argmax);
        Pool2d.maxBackward(gradOut, argmax, g, maxDx);
        Pool2d.avgForward(in, g, avg);
        Pool2d.avgBackward(gradOut, g, avgDx);
        return new double[][] {max, maxDx, avg, avgDx};
    }
}
