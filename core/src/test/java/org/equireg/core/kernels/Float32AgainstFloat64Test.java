package org.equireg.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every float32 facade against its float64 twin on the same (float) inputs, so that a mistranslation the
 * float32 vector and scalar paths would share cannot hide behind their agreeing with each other. Single
 * roundings (+, -, *, /, moves, max) must give exactly the float64 result rounded to float; a sum of t
 * terms must lie within {@code (t + 2) 2^-24 sum |term|} of it (each float32 fma rounds once, Higham's
 * gamma_t, plus the final rounding), where {@code sum |term|} is the float64 kernel run on |inputs|.
 */
class Float32AgainstFloat64Test {
    private static final double U = 0x1p-24;

    private static float[] floats(Random random, int length) {
        return KernelTestingF32.values(random, length);
    }

    private static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static double[] abs(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.abs(values[i]);
        }
        return out;
    }

    /** Fails unless each float32 value is the float64 one rounded to float. */
    private static void assertRounded(double[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": lengths");
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits((float) expected[i]) != Float.floatToIntBits(actual[i])) {
                fail(what + " at " + i + ": float64 " + expected[i] + " rounds to " + (float) expected[i]
                        + ", float32 gave " + actual[i]);
            }
        }
    }

    /** Fails unless each float32 sum of {@code terms} terms is within (terms + 2) u magnitude of the float64 one. */
    private static void assertSumClose(double[] expected, double[] magnitude, float[] actual, int terms, String what) {
        assertEquals(expected.length, actual.length, what + ": lengths");
        for (int i = 0; i < expected.length; i++) {
            double bound = (terms + 2) * U * magnitude[i];
            if (!(Math.abs(actual[i] - expected[i]) <= bound)) {
                fail(what + " at " + i + ": float32 " + actual[i] + ", float64 " + expected[i] + ", bound " + bound);
            }
        }
    }

    @Test
    void elementwiseSingleRoundingsAreTheFloat64ResultRounded() {
        Random random = new Random(KernelTesting.SEED);
        int n = 1000;
        float[] a = floats(random, n);
        float[] b = floats(random, n);
        b[7] = 0f;
        double[] a64 = widen(a);
        double[] b64 = widen(b);
        assertRounded(Elementwise.add(a64, b64), ElementwiseF32.add(a, b), "add");
        assertRounded(Elementwise.sub(a64, b64), ElementwiseF32.sub(a, b), "sub");
        assertRounded(Elementwise.mul(a64, b64), ElementwiseF32.mul(a, b), "mul");
        assertRounded(Elementwise.div(a64, b64), ElementwiseF32.div(a, b), "div");
        double[] relu64 = new double[n];
        float[] relu = new float[n];
        Elementwise.relu(a64, relu64, n);
        ElementwiseF32.relu(a, relu, n);
        assertRounded(relu64, relu, "relu");
        Elementwise.reluBackward(a64, b64, relu64, n);
        ElementwiseF32.reluBackward(a, b, relu, n);
        assertRounded(relu64, relu, "relu backward");
        // fma: one rounding in float32; float64's one rounding then the narrowing may differ by that one ulp
        double[] y64 = b64.clone();
        float[] y = b.clone();
        Elementwise.axpy(0.375, a64, 0, y64, 0, n);
        ElementwiseF32.axpy(0.375f, a, 0, y, 0, n);
        double[] magnitudes = abs(a64);
        for (int i = 0; i < n; i++) {
            magnitudes[i] = 0.375 * magnitudes[i] + Math.abs(b64[i]);
        }
        assertSumClose(y64, magnitudes, y, 0, "axpy");
    }

    /**
     * exp and log go through float64 ({@code (float) Math.exp(x)}), so they are the float64 result rounded;
     * sigmoid rounds four times in float: within 2 ulp of the float64 result.
     */
    @Test
    void transcendentalsAgreeWithFloat64() {
        Random random = new Random(KernelTesting.SEED);
        int n = 2000;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextGaussian() * 20);
        }
        double[] x64 = widen(x);
        double[] out64 = new double[n];
        float[] out = new float[n];
        Elementwise.exp(x64, 0, out64, 0, n);
        ElementwiseF32.exp(x, 0, out, 0, n);
        assertRounded(out64, out, "exp");
        double[] positive = abs(x64);
        float[] positiveF = new float[n];
        for (int i = 0; i < n; i++) {
            positiveF[i] = Math.abs(x[i]);
        }
        Elementwise.log(positive, 0, out64, 0, n);
        ElementwiseF32.log(positiveF, 0, out, 0, n);
        assertRounded(out64, out, "log");
        Elementwise.sigmoid(x64, 0, out64, 0, n);
        ElementwiseF32.sigmoid(x, 0, out, 0, n);
        for (int i = 0; i < n; i++) {
            double ulps = Math.abs(out[i] - out64[i]) / Math.ulp((float) out64[i]);
            if (!(ulps <= 2)) {
                fail("sigmoid(" + x[i] + "): float32 " + out[i] + ", float64 " + out64[i] + ", " + ulps + " ulp");
            }
        }
    }

    @Test
    void broadcastSumsAgreeToRounding() {
        Random random = new Random(KernelTesting.SEED);
        int[] big = {7, 3, 37};
        int[] small = {3, 1};
        float[] source = floats(random, 3);
        assertRounded(Broadcast.expand(widen(source), small, big), BroadcastF32.expand(source, small, big), "expand");
        float[] wide = floats(random, 7 * 3 * 37);
        assertSumClose(Broadcast.sumTo(widen(wide), big, small), Broadcast.sumTo(abs(widen(wide)), big, small),
                BroadcastF32.sumTo(wide, big, small), 7 * 37, "sumTo");
    }

    @Test
    void gemmAgreesToRounding() {
        Random random = new Random(KernelTesting.SEED);
        int[][] shapes = {{3, 5, 7}, {40, 50, 60}, {130, 97, 300}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            float[] a = floats(random, m * k);
            float[] b = floats(random, k * n);
            for (int flags = 0; flags < 4; flags++) {
                boolean transA = (flags & 1) != 0;
                boolean transB = (flags & 2) != 0;
                double[] c64 = new double[m * n];
                double[] magnitude = new double[m * n];
                float[] c = new float[m * n];
                Gemm.gemm(transA, transB, m, n, k, widen(a), 0, widen(b), 0, c64, 0, false);
                Gemm.gemm(transA, transB, m, n, k, abs(widen(a)), 0, abs(widen(b)), 0, magnitude, 0, false);
                GemmF32.gemm(transA, transB, m, n, k, a, 0, b, 0, c, 0, false);
                assertSumClose(c64, magnitude, c, k, "gemm " + m + "x" + n + "x" + k + " flags " + flags);
            }
        }
    }

    @Test
    void convolutionAndPoolingAgreeToRounding() {
        Random random = new Random(KernelTesting.SEED);
        // {batch, channels, height, width, outChannels, kernel, stride, padding, dilation, groups}: direct and unfolded
        int[][] cases = {{2, 3, 9, 8, 5, 3, 1, 1, 1, 1}, {2, 4, 9, 9, 6, 3, 2, 1, 1, 2}, {3, 2, 12, 11, 4, 5, 1, 2, 1, 1}};
        for (int[] s : cases) {
            ConvGeometry g = new ConvGeometry(s[0], s[1], s[2], s[3], s[5], s[5], s[6], s[7], s[8]);
            int outChannels = s[4];
            int groups = s[9];
            int patch = s[1] / groups * s[5] * s[5];
            int outLength = s[0] * outChannels * g.outHeight() * g.outWidth();
            float[] x = floats(random, s[0] * s[1] * s[2] * s[3]);
            float[] w = floats(random, outChannels * patch);
            float[] bias = floats(random, outChannels);
            float[] gradOut = floats(random, outLength);
            String what = "conv " + java.util.Arrays.toString(s);

            double[] out64 = new double[outLength];
            double[] magnitude = new double[outLength];
            float[] out = new float[outLength];
            Convolution.forward(widen(x), widen(w), widen(bias), g, outChannels, groups, out64);
            Convolution.forward(abs(widen(x)), abs(widen(w)), abs(widen(bias)), g, outChannels, groups, magnitude);
            ConvolutionF32.forward(x, w, bias, g, outChannels, groups, out);
            assertSumClose(out64, magnitude, out, patch + 1, what + " forward");

            double[] dx64 = new double[x.length];
            double[] dxMagnitude = new double[x.length];
            float[] dx = new float[x.length];
            Convolution.backwardInput(widen(gradOut), widen(w), g, outChannels, groups, dx64);
            Convolution.backwardInput(abs(widen(gradOut)), abs(widen(w)), g, outChannels, groups, dxMagnitude);
            ConvolutionF32.backwardInput(gradOut, w, g, outChannels, groups, dx);
            assertSumClose(dx64, dxMagnitude, dx, outChannels / groups * s[5] * s[5], what + " input gradient");

            double[] dw64 = new double[w.length];
            double[] dwMagnitude = new double[w.length];
            float[] dw = new float[w.length];
            Convolution.backwardWeight(widen(gradOut), widen(x), g, outChannels, groups, dw64);
            Convolution.backwardWeight(abs(widen(gradOut)), abs(widen(x)), g, outChannels, groups, dwMagnitude);
            ConvolutionF32.backwardWeight(gradOut, x, g, outChannels, groups, dw);
            int terms = s[0] * g.outHeight() * (g.outWidth() + 2 * s[7]) + WeightGradientKernelF32.CHAINS;
            assertSumClose(dw64, dwMagnitude, dw, terms, what + " weight gradient");

            double[] db64 = new double[outChannels];
            double[] dbMagnitude = new double[outChannels];
            float[] db = new float[outChannels];
            int pixels = g.outHeight() * g.outWidth();
            Convolution.backwardBias(widen(gradOut), s[0], outChannels, pixels, db64);
            Convolution.backwardBias(abs(widen(gradOut)), s[0], outChannels, pixels, dbMagnitude);
            ConvolutionF32.backwardBias(gradOut, s[0], outChannels, pixels, db);
            assertSumClose(db64, dbMagnitude, db, s[0] * pixels, what + " bias gradient");

            float[] columns = new float[patch * groups * pixels];
            double[] columns64 = new double[columns.length];
            Im2Col.unfold(widen(x), 0, s[1], g, columns64);
            Im2ColF32.unfold(x, 0, s[1], g, columns);
            assertRounded(columns64, columns, what + " unfold");
        }
    }

    @Test
    void poolingAgreesToRounding() {
        Random random = new Random(KernelTesting.SEED);
        ConvGeometry g = new ConvGeometry(2, 3, 9, 10, 3, 3, 2, 1, 1);
        int outLength = 2 * 3 * g.outHeight() * g.outWidth();
        float[] in = floats(random, 2 * 3 * 9 * 10);
        float[] gradOut = floats(random, outLength);
        double[] max64 = new double[outLength];
        float[] max = new float[outLength];
        int[] argmax64 = new int[outLength];
        int[] argmax = new int[outLength];
        Pool2d.maxForward(widen(in), g, max64, argmax64);
        Pool2dF32.maxForward(in, g, max, argmax);
        assertRounded(max64, max, "max pool");
        assertEquals(java.util.Arrays.toString(argmax64), java.util.Arrays.toString(argmax), "argmax");
        double[] dx64 = new double[in.length];
        float[] dx = new float[in.length];
        Pool2d.maxBackward(widen(gradOut), argmax64, g, dx64);
        Pool2dF32.maxBackward(gradOut, argmax, g, dx);
        double[] dxMagnitude = new double[in.length];
        Pool2d.maxBackward(abs(widen(gradOut)), argmax64, g, dxMagnitude);
        assertSumClose(dx64, dxMagnitude, dx, 9, "max pool backward");
        double[] avg64 = new double[outLength];
        double[] avgMagnitude = new double[outLength];
        float[] avg = new float[outLength];
        Pool2d.avgForward(widen(in), g, avg64);
        Pool2d.avgForward(abs(widen(in)), g, avgMagnitude);
        Pool2dF32.avgForward(in, g, avg);
        assertSumClose(avg64, avgMagnitude, avg, 10, "avg pool");
        double[] avgDx64 = new double[in.length];
        double[] avgDxMagnitude = new double[in.length];
        float[] avgDx = new float[in.length];
        Pool2d.avgBackward(widen(gradOut), g, avgDx64);
        Pool2d.avgBackward(abs(widen(gradOut)), g, avgDxMagnitude);
        Pool2dF32.avgBackward(gradOut, g, avgDx);
        assertSumClose(avgDx64, avgDxMagnitude, avgDx, 10, "avg pool backward");
    }
}
