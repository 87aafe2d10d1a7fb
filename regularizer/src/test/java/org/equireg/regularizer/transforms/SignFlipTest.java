package org.equireg.regularizer.transforms;

import java.util.SplittableRandom;
import org.equireg.core.Tensor;

class SignFlipTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.signFlips(1, -1, -1);
    }

    @Override
    boolean invertible() {
        return true;
    }

    @Override
    Tensor batch() {
        return Tensor.randn(new SplittableRandom(9), 4, 3);
    }
}
