package org.equireg.nn;

import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;

class AvgPool2dTest extends ModuleContract {
    @Override
    Module create(RandomGenerator random) {
        return new AvgPool2d(3, 2, 1);
    }

    @Override
    Tensor input(RandomGenerator random) {
        return Tensor.randn(random, 2, 2, 5, 4);
    }
}
