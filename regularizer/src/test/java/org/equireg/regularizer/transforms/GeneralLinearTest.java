package org.equireg.regularizer.transforms;

import java.util.SplittableRandom;
import org.equireg.core.Tensor;

class GeneralLinearTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.linear(new double[][] {{2, 1, 0}, {0.5, -1, 3}, {0, 1, 1}});
    }

    @Override
    boolean invertible() {
        return true;
    }

    @Override
    Tensor batch() {
        return Tensor.randn(new SplittableRandom(10), 4, 3);
    }
}
