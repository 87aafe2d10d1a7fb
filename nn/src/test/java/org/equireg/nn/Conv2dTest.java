package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class Conv2dTest extends ModuleContract {
    @Override
    Module create(RandomGenerator random) {
        return new Conv2d(2, 3, 3, 1, 1, 1, 1, true, random);
    }

    @Override
    Tensor input(RandomGenerator random) {
        return Tensor.randn(random, 2, 2, 4, 4);
    }

    @Test
    void outputSizeFollowsPyTorchsFormula() {
        Conv2d layer = new Conv2d(2, 4, 3, 2, 1, 2, 2, false, new java.util.SplittableRandom(1));
        assertArrayEquals(new int[] {4, 1, 3, 3}, layer.weight().shape());
        // (7 + 2 * 1 - 2 * (3 - 1) - 1) / 2 + 1 = 3
        assertArrayEquals(new int[] {1, 4, 3, 3}, layer.forward(Tensor.zeros(1, 2, 7, 7)).shape());
        assertEquals("Conv2d(2, 4, kernel_size=3, stride=2, padding=1, dilation=2, groups=2, bias=false)  # 36 parameters",
                layer.toString());
    }

    @Nested
    class StridedDilatedGrouped extends ModuleContract {
        @Override
        Module create(RandomGenerator random) {
            return new Conv2d(4, 2, 2, 2, 1, 2, 2, true, random);
        }

        @Override
        Tensor input(RandomGenerator random) {
            return Tensor.randn(random, 1, 4, 5, 5);
        }
    }
}
