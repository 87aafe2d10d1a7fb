package org.equireg.nn;

import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;

class MaxPool2dTest extends ModuleContract {
    @Override
    Module create(RandomGenerator random) {
        return new MaxPool2d(2);
    }

    @Override
    Tensor input(RandomGenerator random) {
        return Tensor.randn(random, 2, 2, 4, 5);
    }
}
