package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

class LeakyReLUTest extends ModuleContract {
    @Override
    Module create(RandomGenerator random) {
        return new LeakyReLU(0.2);
    }

    @Override
    Tensor input(RandomGenerator random) {
        return Tensor.randn(random, 3, 4);
    }

    @Test
    void defaultSlopeIsOneHundredth() {
        Tensor x = Tensor.of(new double[] {-2, 0, 3}, 3).requiresGrad(true);
        Tensor y = new LeakyReLU().forward(x);
        assertArrayEquals(new double[] {-0.02, 0, 3}, y.toArray());
        y.sum().backward();
        assertArrayEquals(new double[] {0.01, 0.01, 1}, x.grad().toArray(), "PyTorch's derivative at 0 is the slope");
    }
}
