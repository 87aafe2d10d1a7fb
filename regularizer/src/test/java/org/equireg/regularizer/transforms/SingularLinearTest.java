package org.equireg.regularizer.transforms;

import java.util.SplittableRandom;
import org.equireg.core.Tensor;

class SingularLinearTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.linear(new double[][] {{1, 2}, {2, 4}});
    }

    @Override
    boolean invertible() {
        return false;
    }

    @Override
    Tensor batch() {
        return Tensor.randn(new SplittableRandom(12), 4, 2);
    }
}
