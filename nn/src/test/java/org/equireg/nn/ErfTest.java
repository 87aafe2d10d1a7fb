package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.equireg.core.GradCheck;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

class ErfTest {

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, Tolerances.ERF_RELATIVE * Math.abs(expected));
    }

    @Test
    void matchesReferenceValues() {
        // Python's math.erf / math.erfc
        assertRelative(0.5204998778130465, Erf.erf(0.5));
        assertRelative(0.8427007929497149, Erf.erf(1.0));
        assertRelative(-0.9953222650189527, Erf.erf(-2.0));
        assertRelative(2.2090496998585438e-05, Erf.erfc(3.0));
        assertRelative(1.5374597944280351e-12, Erf.erfc(5.0));
        assertRelative(1.9999779095030015, Erf.erfc(-3.0));
    }

    @Test
    void limitsAndSpecialValues() {
        assertEquals(0.0, Erf.erf(0.0));
        assertEquals(1.0, Erf.erf(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, Erf.erf(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, Erf.erfc(30));
        assertEquals(2.0, Erf.erfc(-30));
        assertEquals(Double.NaN, Erf.erf(Double.NaN));
        assertEquals(Double.NaN, Erf.erfc(Double.NaN));
    }

    @Test
    void isOddAndContinuousAcrossTheMethodBoundary() {
        for (double x = 0; x < 6; x += 0.01) {
            assertEquals(-Erf.erf(x), Erf.erf(-x), 0.0);
        }
        double below = Math.nextDown(1.0);
        assertEquals(Erf.erfc(below), Erf.erfc(1.0), 1e-15);
    }

    @Test
    void normalCdfHasTheDensityAsGradient() {
        GradCheck.standard().check(x -> NormalCdf.apply(x[0]), Tensor.randn(new SplittableRandom(1), 10).mul(3));
        assertRelative(0.5, NormalCdf.apply(Tensor.scalar(0)).item());
        // Phi(-10) = erfc(10 * 0.7071067811865476) / 2 = 7.619853024160498e-24 (Python's math.erfc)
        assertRelative(7.619853024160498e-24, NormalCdf.apply(Tensor.scalar(-10)).item());
    }
}
