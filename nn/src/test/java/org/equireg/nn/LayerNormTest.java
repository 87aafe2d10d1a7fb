package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

class LayerNormTest extends ModuleContract {
    @Override
    Module create(RandomGenerator random) {
        LayerNorm layer = new LayerNorm(2, 3);
        layer.parameters().forEach(parameter -> Init.uniformInPlace(parameter, 0.5, 1.5, random));
        return layer;
    }

    @Override
    Tensor input(RandomGenerator random) {
        return Tensor.randn(random, 2, 2, 3);
    }

    @Test
    void eachSampleGetsZeroMeanAndUnitVariance() {
        Tensor output = new LayerNorm(4).forward(Tensor.randn(new SplittableRandom(1), 3, 4).mul(5).add(2));
        for (int row = 0; row < 3; row++) {
            Tensor values = output.slice(0, row, row + 1);
            assertEquals(0.0, values.mean().item(), 1e-14);
            assertEquals(1.0, values.mul(values).mean().item(), 1e-5);
        }
    }

    @Test
    void rejectsAnInputThatDoesNotEndWithTheNormalizedShape() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> new LayerNorm(2, 3).forward(Tensor.zeros(3, 2))).getMessage();
        assertEquals("LayerNorm: input shape [3, 2] does not end with [2, 3]", message);
    }
}
