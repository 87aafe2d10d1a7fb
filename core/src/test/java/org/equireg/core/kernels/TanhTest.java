package org.equireg.core.kernels;

import static org.equireg.core.kernels.KernelTesting.SEED;
import static org.equireg.core.kernels.KernelTesting.assertBitwiseEquals;
import static org.equireg.core.kernels.KernelTesting.assumeVectorModule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Elementwise#tanh} against a double-double reference ({@link DoubleDouble#tanh}) over two million
 * points from subnormals to saturation, both signs; special values against {@link StrictMath#tanh}; and
 * the vector path against its scalar twin bit for bit over the same points.
 */
class TanhTest {
    /** The documented bound: at most this many units in the last place from the exact value. */
    private static final double MAX_ULPS = 1;
    private static final int POINTS_PER_RANGE = 200_000;

    /** Special values and the edges of the formulas: the 1 switch, the ln2/2 reduction steps, saturation. */
    private static final double[] EDGES = {
        0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), 1e-300, 0x1p-28, 0x1p-55,
        Math.nextDown(1.0), 1.0, Math.nextUp(1.0), Math.log(2) / 4, Math.log(2) / 4 * 3, 19.06, 19.1,
        Math.nextDown(22.0), 22.0, Math.nextUp(22.0), 710, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
    };

    /**
     * Edges, then uniform in [0, 1] and [1, 25], log-uniform in [1e-8, 1e-2] and [1e-320, 1e3], and
     * subnormals from random bits; all with both signs.
     */
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
    void staysWithinOneUlpOfTheExactValue() {
        double[] x = points();
        double[] y = new double[x.length];
        Elementwise.tanh(x, 0, y, 0, x.length);
        Worst ours = new Worst();
        Worst strictMath = new Worst();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i])) {
                // tanh is odd; past 30 it is 1 to far below an ulp
                DoubleDouble exact = DoubleDouble.tanh(Math.min(Math.abs(x[i]), 30));
                double sign = Math.copySign(1, x[i]);
                ours.see(x[i], exact.ulpsFrom(sign * y[i]));
                strictMath.see(x[i], exact.ulpsFrom(sign * StrictMath.tanh(x[i])));
            }
        }
        System.out.printf("tanh over %d points: max error %.3f ulp at x = %s (StrictMath.tanh: %.3f ulp at x = %s)%n",
                x.length, ours.ulps, ours.at, strictMath.ulps, strictMath.at);
        assertTrue(ours.ulps <= MAX_ULPS, () -> "max error " + ours.ulps + " ulp at x = " + ours.at);
    }

    /** The largest error seen and where. */
    private static final class Worst {
        double ulps;
        double at;

        void see(double x, double error) {
            if (Math.abs(error) > ulps) {
                ulps = Math.abs(error);
                at = x;
            }
        }
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
        VectorTanh.tanh(x, 0, vector, 0, x.length);
        ScalarTanh.tanh(x, 0, scalar, 0, x.length);
        assertBitwiseEquals(scalar, vector, "tanh");
    }
}
