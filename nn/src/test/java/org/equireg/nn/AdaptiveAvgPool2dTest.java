package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

class AdaptiveAvgPool2dTest extends ModuleContract {
    @Override
    Module create(RandomGenerator random) {
        return new AdaptiveAvgPool2d(2, 3);
    }

    @Override
    Tensor input(RandomGenerator random) {
        return Tensor.randn(random, 2, 2, 5, 7);
    }

    @Test
    void evenWindowsAgreeWithAveragePooling() {
        Tensor input = Tensor.randn(new SplittableRandom(1), 2, 3, 6, 6);
        Tensor adaptive = new AdaptiveAvgPool2d(3).forward(input);
        Tensor pooled = new AvgPool2d(2).forward(input);
        double[] expected = pooled.toArray();
        double[] actual = adaptive.toArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-15);
        }
    }

    @Test
    void sizeOneIsTheGlobalMean() {
        Tensor input = Tensor.randn(new SplittableRandom(1), 2, 3, 4, 5);
        Tensor pooled = new AdaptiveAvgPool2d(1).forward(input);
        assertArrayEquals(new int[] {2, 3, 1, 1}, pooled.shape());
        assertEquals(input.slice(0, 1, 2).slice(1, 2, 3).mean().item(), pooled.get(1, 2, 0, 0), 1e-15);
    }
}
