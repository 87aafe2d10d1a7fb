package org.equireg.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written float32 tanh ({@link ScalarTanhF32}, {@link VectorTanhF32}) against the exact value
 * ({@link DoubleDouble#tanh}) over every 9973rd float from the smallest subnormal to 20, both signs; its
 * paths against each other bit for bit, specials included. Its ElementwiseF32 twin test
 * ({@code ElementwiseF32Test}) covers lengths and offsets.
 */
class Float32TanhTest {
    /** The documented bound, in units in the last place of float (measured: 0.70 over 12 million floats). */
    private static final double MAX_FLOAT_ULPS = 1;
    private static final int STRIDE = 9973;

    private static float[] points() {
        int first = Float.floatToIntBits(Float.MIN_VALUE);
        int last = Float.floatToIntBits(20f);
        int count = (last - first) / STRIDE + 1;
        float[] points = new float[2 * count];
        for (int i = 0; i < count; i++) {
            points[i] = Float.intBitsToFloat(first + i * STRIDE);
            points[count + i] = -points[i];
        }
        return points;
    }

    @Test
    void staysWithinOneUlpOfTheExactValue() {
        float[] x = points();
        float[] y = new float[x.length];
        ElementwiseF32.tanh(x, 0, y, 0, x.length);
        double worst = 0;
        float worstAt = 0;
        int notNearest = 0;
        int exact = 0;
        for (int i = 0; i < x.length; i++) {
            DoubleDouble reference = DoubleDouble.tanh(Math.abs(x[i]));
            double sign = Math.signum(x[i]);
            // (y - exact) in units of the float spacing at y
            double error = Math.abs((sign * y[i] - reference.hi()) - reference.lo()) / Math.ulp(y[i]);
            exact += Math.abs(x[i]) < 0x1p-126f && y[i] == x[i] ? 1 : 0;
            if (error > worst) {
                worst = error;
                worstAt = x[i];
            }
            notNearest += error > 0.5 ? 1 : 0;
        }
        System.out.printf("float32 tanh over %d floats: max error %.6f float ulp at x = %s, %d not the nearest float%n",
                x.length, worst, worstAt, notNearest);
        assertTrue(worst <= MAX_FLOAT_ULPS, "max error " + worst + " ulp at x = " + worstAt);
        int subnormals = 0;
        for (float value : x) {
            subnormals += Math.abs(value) < 0x1p-126f ? 1 : 0;
        }
        assertEquals(subnormals, exact, "tanh(x) = x for subnormal x");
    }

    @Test
    void vectorPathMatchesScalarTwinWithSpecials() {
        KernelTesting.assumeVectorModule();
        float[] specials = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
            -Float.MIN_NORMAL, Float.MAX_VALUE, 1f, Math.nextDown(1f), 9.01f, 22f};
        Random random = new Random(KernelTesting.SEED);
        float[] x = new float[3001];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < specials.length ? specials[i] : (float) (random.nextGaussian() * 4);
        }
        float[] vector = new float[x.length + 1];
        float[] scalar = new float[x.length + 1];
        VectorTanhF32.tanh(x, 1, vector, 0, x.length - 1);
        ScalarTanhF32.tanh(x, 1, scalar, 0, x.length - 1);
        for (int i = 0; i < vector.length; i++) {
            if (Float.floatToIntBits(vector[i]) != Float.floatToIntBits(scalar[i])) {
                fail("tanh(" + x[i + 1] + "): vector " + vector[i] + ", scalar " + scalar[i]);
            }
        }
    }

    @Test
    void specialValues() {
        float[] x = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 30f};
        float[] y = new float[x.length];
        ElementwiseF32.tanh(x, 0, y, 0, x.length);
        assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits(y[0]));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(y[1]));
        assertTrue(Float.isNaN(y[2]));
        assertEquals(1f, y[3]);
        assertEquals(-1f, y[4]);
        assertEquals(1f, y[5]);
    }
}
