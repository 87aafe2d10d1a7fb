package org.equireg.nn;

import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;

class IdentityTest extends ModuleContract {
    @Override
    Module create(RandomGenerator random) {
        return new Identity();
    }

    @Override
    Tensor input(RandomGenerator random) {
        return Tensor.randn(random, 3, 2);
    }
}
