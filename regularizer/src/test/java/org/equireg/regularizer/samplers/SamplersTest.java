package org.equireg.regularizer.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.equireg.core.Tensor;
import org.equireg.regularizer.support.Tolerances;
import org.junit.jupiter.api.Test;

/** Behaviour particular to each sampler: bounds, stratification, pairs, leftovers, weights. */
class SamplersTest {

    @Test
    void boundsThatDoNotBroadcastAreRejectedWithBothShapes() {
        Sampler sampler = Samplers.box(Tensor.zeros(4), Tensor.ones(4));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> sampler.check(new int[] {2, 3}));
        assertTrue(error.getMessage().contains("[4]") && error.getMessage().contains("[2, 3]"), error.getMessage());
        IllegalArgumentException inverted = assertThrows(IllegalArgumentException.class,
                () -> Samplers.box(Tensor.ones(2), Tensor.zeros(2)).check(new int[] {2}));
        assertTrue(inverted.getMessage().contains("above high"), inverted.getMessage());
        IllegalArgumentException invertedScalars = assertThrows(IllegalArgumentException.class, () -> Samplers.box(1, 0));
        assertTrue(invertedScalars.getMessage().contains("low = 1.0, high = 0.0"), invertedScalars.getMessage());
    }

    @Test
    void boundsInTheReferenceLayoutHoldLowAndHighInTheLastAxis() {
        Tensor bounds = Tensor.of(new double[] {0, 1, 10, 11, -5, -4}, 3, 2); // per-element [low, high], 3 elements
        Tensor points = Samplers.boxFromBounds(bounds).sample(50, new int[] {2, 3}, new SplittableRandom(1));
        double[] values = points.buffer();
        for (int i = 0; i < values.length; i++) {
            double low = new double[] {0, 10, -5}[i % 3];
            assertTrue(values[i] >= low && values[i] <= low + 1, "element " + i + " = " + values[i]);
        }
        assertThrows(IllegalArgumentException.class, () -> Samplers.boxFromBounds(Tensor.zeros(3, 3)));
    }

    @Test
    void scrambledRadicalInverseWithoutScramblingIsVanDerCorput() {
        int digits = ScrambledHalton.digitsNeeded(2, 8);
        int[] one = new int[digits];
        java.util.Arrays.fill(one, 1);
        int[] zero = new int[digits];
        double[] expected = {0, 0.5, 0.25, 0.75, 0.125, 0.625, 0.375, 0.875};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], ScrambledHalton.scrambledRadicalInverse(i, 2, one, zero), "index " + i);
        }
        assertArrayEquals(new int[] {2, 3, 5, 7, 11, 13, 17, 19, 23, 29}, ScrambledHalton.firstPrimes(10));
    }

    @Test
    void haltonPointsAreStratifiedInEveryCoordinate() {
        // 72 = 8 * 9 points: 9 in each eighth of coordinate 0 (base 2), 8 in each ninth of coordinate 1 (base 3)
        Tensor points = Samplers.halton().sample(72, new int[] {2}, new SplittableRandom(5));
        int[] eighths = new int[8];
        int[] ninths = new int[9];
        for (int s = 0; s < 72; s++) {
            eighths[(int) Math.floor(points.get(s, 0) * 8)]++;
            ninths[(int) Math.floor(points.get(s, 1) * 9)]++;
        }
        for (int count : eighths) {
            assertEquals(9, count, java.util.Arrays.toString(eighths));
        }
        for (int count : ninths) {
            assertEquals(8, count, java.util.Arrays.toString(ninths));
        }
        assertFalse(Samplers.halton().independentSamples());
    }

    @Test
    void antitheticPointsComeInMirroredPairs() {
        Tensor points = Samplers.antitheticBox(-1, 3).sample(6, new int[] {4}, new SplittableRandom(2));
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < 4; i++) {
                assertEquals(2.0, points.get(s, i) + points.get(s + 3, i), Tolerances.ROUNDING);
            }
        }
        assertFalse(Samplers.antitheticBox(0, 1).independentSamples());
    }

    @Test
    void batchesAreConsumedInOrderAndLeftoversKept() {
        AtomicInteger next = new AtomicInteger();
        Sampler sampler = Samplers.fromBatches(() -> {
            double start = next.getAndAdd(4);
            return Tensor.of(new double[] {start, start + 1, start + 2, start + 3}, 4, 1);
        });
        SplittableRandom unused = new SplittableRandom(0);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, sampler.sample(6, new int[] {1}, unused).toArray());
        assertArrayEquals(new double[] {6, 7, 8}, sampler.sample(3, new int[] {1}, unused).toArray());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> Samplers.fromBatches(() -> Tensor.zeros(4, 2)).sample(2, new int[] {3}, unused));
        assertTrue(wrong.getMessage().contains("[4, 2]"), wrong.getMessage());
    }

    @Test
    void dataOfAnotherShapeIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Samplers.fromData(Tensor.zeros(5, 3)).check(new int[] {4}));
        assertTrue(error.getMessage().contains("[3]") && error.getMessage().contains("[4]"), error.getMessage());
    }

    @Test
    void mixtureWeightsSetTheProportions() {
        Tensor points = Samplers.mixture(new double[] {1, 3}, Samplers.box(0, 1), Samplers.box(2, 3))
                .sample(4000, new int[] {1}, new SplittableRandom(8));
        long high = java.util.Arrays.stream(points.buffer()).filter(v -> v >= 2).count();
        // binomial(4000, 3/4): standard deviation 27.4
        assertEquals(3000, high, Tolerances.STANDARD_ERRORS * 27.4);
        assertThrows(IllegalArgumentException.class, () -> Samplers.mixture(new double[] {0, 0}, Samplers.box(),
                Samplers.box()));
        assertThrows(IllegalArgumentException.class, () -> Samplers.mixture(new double[] {1}, Samplers.box(),
                Samplers.box()));
    }

    @Test
    void unitSpherePointsHaveNormOne() {
        Tensor points = Samplers.unitSphere().sample(20, new int[] {3, 4}, new SplittableRandom(3));
        for (double norm : points.reshape(20, 12).norm(2, 1, false).buffer()) {
            assertEquals(1.0, norm, Tolerances.ROUNDING);
        }
    }
}
