package org.equireg.nn;

import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;

class SoftmaxTest extends ModuleContract {
    @Override
    Module create(RandomGenerator random) {
        return new Softmax(-1);
    }

    @Override
    Tensor input(RandomGenerator random) {
        return Tensor.randn(random, 3, 4);
    }
}
