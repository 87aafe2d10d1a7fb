package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LinearTest extends ModuleContract {
    @Override
    Module create(RandomGenerator random) {
        return new Linear(3, 2, true, random);
    }

    @Override
    Tensor input(RandomGenerator random) {
        return Tensor.randn(random, 4, 3);
    }

    @Test
    void defaultInitialisationStaysWithinOneOverSqrtFanIn() {
        Linear layer = new Linear(25, 40, true, new SplittableRandom(3));
        double bound = 1 / Math.sqrt(25);
        for (double value : layer.weight().toArray()) {
            assertTrue(Math.abs(value) <= bound);
        }
        for (double value : layer.bias().toArray()) {
            assertTrue(Math.abs(value) <= bound);
        }
        double maxWeight = layer.weight().abs().max().item();
        assertTrue(maxWeight > 0.9 * bound, "the draws should fill the range, got max " + maxWeight);
    }

    @Test
    void appliesToTheLastAxisOfAnyRank() {
        Linear layer = new Linear(3, 2, true, new SplittableRandom(3));
        Tensor batch = Tensor.randn(new SplittableRandom(4), 2, 5, 3);
        Tensor output = layer.forward(batch);
        assertArrayEquals(new int[] {2, 5, 2}, output.shape());
        assertArrayEquals(layer.forward(batch.reshape(10, 3)).toArray(), output.toArray());
    }

    @Test
    void printsLikePyTorch() {
        assertEquals("Linear(in_features=3, out_features=2, bias=true)  # 8 parameters", new Linear(3, 2).toString());
    }

    @Nested
    class WithoutBias extends ModuleContract {
        @Override
        Module create(RandomGenerator random) {
            return new Linear(3, 2, false, random);
        }

        @Override
        Tensor input(RandomGenerator random) {
            return Tensor.randn(random, 4, 3);
        }
    }
}
