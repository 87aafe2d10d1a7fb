package org.equireg.core.kernels;

import static org.equireg.core.kernels.KernelTesting.SEED;
import static org.equireg.core.kernels.KernelTesting.assertBitwiseEquals;
import static org.equireg.core.kernels.KernelTesting.assumeVectorModule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Elementwise#tanh} against {@link StrictMath#tanh} (fdlibm, under 1 ulp from the true value) over
 * a million points from subnormals to saturation, both signs, and the vector path against its scalar twin
 * bit for bit over the same points.
 */
class TanhTest {
    /** The documented bound: at most this many units in the last place from StrictMath.tanh. */
    private static final double MAX_ULPS = 2;
    private static final int POINTS_PER_RANGE = 200_000;

    /** Special values and the edges of the formulas: the 1 switch, the ln2/2 reduction steps, saturation. */
    private static final double[] EDGES = {
        0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), 1e-300, 0x1p-28, 0x1p-55,
        Math.nextDown(1.0), 1.0, Math.nextUp(1.0), Math.log(2) / 4, Math.log(2) / 4 * 3, 19.06, 19.1,
        Math.nextDown(22.0), 22.0, Math.nextUp(22.0), 710, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
    };

    /** Edges, then uniform in [0, 1] and [1, 25], log-uniform in [1e-8, 1e-2] and [1e-320, 1e3], subnormal bits; both signs. */
    private static double[] points() {
        Random random = new Random(SEED);
        int ranges = 5;
        double[] points = new double[2 * (EDGES.length + ranges * POINTS_PER_RANGE)];
        int n = 0;
        for (double edge : EDGES) {
            points[n++] = edge;
        }
        for (int i = 0; i < POINTS_PER_RANGE; i++) {
            points[n++] = random.nextDouble();
            points[n++] = 1 + 24 * random.nextDouble();
            points[n++] = Math.pow(10, -8 + 6 * random.nextDouble());
            points[n++] = Math.pow(10, -320 + 323 * random.nextDouble());
            points[n++] = Double.longBitsToDouble(random.nextLong() & 0x000f_ffff_ffff_ffffL);
        }
        int positive = n;
        for (int i = 0; i < positive; i++) {
            points[n++] = -points[i];
        }
        return points;
    }

    @Test
    void staysWithinTwoUlpsOfStrictMath() {
        double[] x = points();
        double[] y = new double[x.length];
        Elementwise.tanh(x, 0, y, 0, x.length);
        double worst = 0;
        double worstAt = 0;
        int exact = 0;
        for (int i = 0; i < x.length; i++) {
            double expected = StrictMath.tanh(x[i]);
            double ulps = Math.abs(y[i] - expected) / Math.ulp(expected);
            exact += y[i] == expected ? 1 : 0;
            if (ulps > worst) {
                worst = ulps;
                worstAt = x[i];
            }
        }
        System.out.printf("tanh: %d points, max error %.3f ulp at x = %s, %.2f%% equal to StrictMath%n",
                x.length, worst, worstAt, 100.0 * exact / x.length);
        double finalWorst = worst;
        double finalWorstAt = worstAt;
        assertTrue(worst <= MAX_ULPS, () -> "max error " + finalWorst + " ulp at x = " + finalWorstAt);
    }

    @Test
    void specialValuesAreExact() {
        double[] x = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 22, -22, 1e300,
            Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300};
        double[] y = new double[x.length];
        Elementwise.tanh(x, 0, y, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToLongBits(StrictMath.tanh(x[i])), Double.doubleToLongBits(y[i]),
                    "tanh(" + x[i] + ") = " + y[i]);
        }
    }

    @Test
    void vectorPathMatchesScalarTwinOnEveryPoint() {
        assumeVectorModule();
        double[] x = points();
        double[] vector = new double[x.length];
        double[] scalar = new double[x.length];
        VectorElementwise.tanh(x, 0, vector, 0, x.length);
        ScalarElementwise.tanh(x, 0, scalar, 0, x.length);
        assertBitwiseEquals(scalar, vector, "tanh");
    }
}
