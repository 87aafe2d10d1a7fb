package org.equireg.regularizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.equireg.regularizer.support.Tolerances;
import org.junit.jupiter.api.Test;

/** The reference's spellings, the built-ins' formulas on small cases, and bad arguments. */
class DistanceTest {

    @Test
    void parsesTheReferenceSpellings() {
        assertSame(Distance.LINF, Distance.parse("inf"));
        assertSame(Distance.CROSS_ENTROPY, Distance.parse("cross_entropy"));
        assertSame(Distance.CROSS_ENTROPY_LOGITS, Distance.parse("cross_entropy_logits"));
        assertEquals(Distance.L2, Distance.parse("2"));
        assertEquals(Distance.L1, Distance.parse(" 1 "));
        assertEquals(Distance.lp(3.5), Distance.parse("3.5"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Distance.parse("l2"));
        assertTrue(unknown.getMessage().contains("'l2'") && unknown.getMessage().contains("cross_entropy_logits"),
                unknown.getMessage());
    }

    @Test
    void rejectsPBelowOne() {
        for (String p : new String[] {"0.5", "0", "-1"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Distance.parse(p));
            assertTrue(error.getMessage().contains("p must be >= 1") && error.getMessage().contains(p), error.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Distance.lp(Double.NaN));
    }

    @Test
    void lpIsThePNormOfEachFlattenedSampleDifference() {
        Tensor a = Tensor.of(new double[] {3, 0, 0, 0, 1, 1, 1, 1}, 2, 2, 2);
        Tensor b = Tensor.of(new double[] {0, 4, 0, 0, 0, 0, 0, 0}, 2, 2, 2);
        assertEquals(java.util.List.of(5.0, 2.0), java.util.List.of(Distance.L2.between(a, b).get(0),
                Distance.L2.between(a, b).get(1)));
        assertEquals(7.0, Distance.L1.between(a, b).get(0));
        assertEquals(4.0, Distance.LINF.between(a, b).get(0));
        assertEquals(Math.cbrt(91), Distance.lp(3).between(a, b).get(0), Tolerances.ROUNDING);
    }

    @Test
    void crossEntropyLogitsIgnoresAShiftOfTheLogits() {
        Tensor logits = Tensor.randn(new SplittableRandom(1), 3, 4);
        Tensor shifted = logits.add(Tensor.of(new double[] {5, -2, 0.25}, 3, 1));
        for (double value : Distance.CROSS_ENTROPY_LOGITS.between(logits, shifted).buffer()) {
            assertEquals(0.0, value, Tolerances.ROUNDING);
        }
    }

    @Test
    void crossEntropyStaysFiniteAtZeroProbabilities() {
        Tensor a = Tensor.of(new double[] {0, 0.5, 0.5}, 1, 3).requiresGrad(true);
        Tensor b = Tensor.of(new double[] {0.5, 0, 0.5}, 1, 3).requiresGrad(true);
        Tensor d = Distance.CROSS_ENTROPY.between(a, b);
        double logOfGuard = Math.log(Double.MIN_NORMAL);
        double expected = Math.sqrt(2) * (Math.log(0.5) - logOfGuard);
        assertEquals(expected, d.item(), Tolerances.ROUNDING * Math.abs(expected));
        d.sum().backward();
        for (double value : a.grad().buffer()) {
            assertTrue(Double.isFinite(value), "gradient " + value);
        }
        assertEquals(0.0, a.grad().get(0, 0), "no gradient through the clamped zero");
    }

    @Test
    void rejectsBatchesOfDifferentShapes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Distance.L2.between(Tensor.zeros(2, 3), Tensor.zeros(2, 4)));
        assertTrue(error.getMessage().contains("[2, 3]") && error.getMessage().contains("[2, 4]"), error.getMessage());
    }
}
