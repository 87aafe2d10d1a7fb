package org.equireg.regularizer.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.equireg.regularizer.support.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Sampler} promises: n points of the asked shape (also odd n), leaves without
 * grad, the same seed gives the same points bit for bit, the points lie in the support, and their
 * mean lies within a few standard errors of the exact mean.
 */
abstract class SamplerContract {
    static final int[] SHAPE = {2, 3};
    private static final int MANY = 3001;

    abstract Sampler create();

    /** The exact mean of one element (flat index into the shape). */
    abstract double exactMean(int element);

    /** Whether one point lies in the support (flattened values). */
    abstract boolean inSupport(double[] point);

    /** Whether the points depend on the generator (not for a stream of data batches). */
    boolean usesTheGenerator() {
        return true;
    }

    @Test
    void drawsNPointsOfTheShapeWithoutGrad() {
        Sampler sampler = create();
        sampler.check(SHAPE);
        for (int n : new int[] {1, 2, 7}) {
            Tensor points = sampler.sample(n, SHAPE, new SplittableRandom(1));
            assertArrayEquals(new int[] {n, 2, 3}, points.shape(), "n = " + n);
            assertFalse(points.requiresGrad());
        }
    }

    @Test
    void sameSeedGivesTheSamePointsBitForBit() {
        double[] first = create().sample(9, SHAPE, new SplittableRandom(42)).toArray();
        double[] again = create().sample(9, SHAPE, new SplittableRandom(42)).toArray();
        assertArrayEquals(first, again);
        if (usesTheGenerator()) {
            double[] other = create().sample(9, SHAPE, new SplittableRandom(43)).toArray();
            assertFalse(Arrays.equals(first, other), "another seed gave the same points");
        }
    }

    @Test
    void pointsLieInTheSupport() {
        Tensor points = create().sample(200, SHAPE, new SplittableRandom(2));
        int size = 6;
        for (int s = 0; s < 200; s++) {
            double[] point = Arrays.copyOfRange(points.buffer(), s * size, (s + 1) * size);
            assertTrue(inSupport(point), "point " + s + ": " + Arrays.toString(point));
        }
    }

    @Test
    void meanIsWithinAFewStandardErrorsOfTheExactMean() {
        double[] values = create().sample(MANY, SHAPE, new SplittableRandom(3)).buffer();
        for (int element = 0; element < 6; element++) {
            double sum = 0;
            double squares = 0;
            for (int s = 0; s < MANY; s++) {
                sum += values[s * 6 + element];
                squares += values[s * 6 + element] * values[s * 6 + element];
            }
            double mean = sum / MANY;
            double standardError = Math.sqrt((squares / MANY - mean * mean) / (MANY - 1));
            double exact = exactMean(element);
            assertTrue(Math.abs(mean - exact) <= Tolerances.STANDARD_ERRORS * standardError + Tolerances.ROUNDING,
                    "element " + element + ": mean " + mean + ", exact " + exact + ", standard error " + standardError);
        }
    }
}
