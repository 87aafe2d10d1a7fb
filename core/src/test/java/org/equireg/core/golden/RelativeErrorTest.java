package org.equireg.core.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The comparison helper itself, so that a golden test cannot pass by a broken metric. */
class RelativeErrorTest {

    @Test
    void scalesTheLargestDifferenceByTheLargestExpectedMagnitude() {
        RelativeError error = RelativeError.of(new double[] {1.0, -4.0, 2.5}, new double[] {1.0, -3.0, 2.0});
        assertEquals(1.0 / 3.0, error.value());
        assertEquals(1, error.worstIndex());
        assertEquals(-4.0, error.actual());
        assertEquals(-3.0, error.expected());
    }

    @Test
    void equalArraysHaveZeroError() {
        assertEquals(0.0, RelativeError.of(new double[] {0.5, -0.25}, new double[] {0.5, -0.25}).value());
    }

    @Test
    void anyNonZeroValueAgainstAllZerosFails() {
        assertTrue(RelativeError.of(new double[] {0.0, 1e-300}, new double[] {0.0, 0.0}).value() > 1);
    }

    @Test
    void nanIsTheWorstElementWhereverItIs() {
        RelativeError error = RelativeError.of(new double[] {Double.NaN, 5.0}, new double[] {1.0, 1.0});
        assertTrue(Double.isNaN(error.value()));
        assertEquals(0, error.worstIndex());
        assertTrue(Double.isNaN(RelativeError.of(new double[] {1.0}, new double[] {Double.NaN}).value()));
    }

    @Test
    void nanAndInfinitiesMatchOnlyTheSameValue() {
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(0.0, RelativeError.of(new double[] {Double.NaN, inf, -inf, 2}, new double[] {Double.NaN, inf, -inf, 2}).value());
        assertTrue(Double.isNaN(RelativeError.of(new double[] {inf}, new double[] {-inf}).value()));
        assertTrue(Double.isNaN(RelativeError.of(new double[] {Double.NaN, 1}, new double[] {inf, 1}).value()));
        assertTrue(Double.isNaN(RelativeError.of(new double[] {1, 3}, new double[] {Double.NaN, 3}).value()));
    }

    @Test
    void describesTheWorstElementByItsMultiIndex() {
        RelativeError error = RelativeError.of(new double[] {0, 0, 0, 0, 0, 7}, new double[] {0, 0, 0, 0, 0, 6});
        assertTrue(error.describe(new int[] {2, 3}).contains("[1, 2]"), error.describe(new int[] {2, 3}));
    }
}
