package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

class FlattenTest extends ModuleContract {
    @Override
    Module create(RandomGenerator random) {
        return new Flatten();
    }

    @Override
    Tensor input(RandomGenerator random) {
        return Tensor.randn(random, 2, 3, 2, 2);
    }

    @Test
    void keepsTheBatchAxisByDefault() {
        assertArrayEquals(new int[] {2, 12}, new Flatten().forward(Tensor.zeros(2, 3, 2, 2)).shape());
        assertArrayEquals(new int[] {2, 6, 2}, new Flatten(1, 2).forward(Tensor.zeros(2, 3, 2, 2)).shape());
    }
}
