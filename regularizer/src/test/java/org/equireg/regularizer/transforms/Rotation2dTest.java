package org.equireg.regularizer.transforms;

import java.util.SplittableRandom;
import org.equireg.core.Tensor;

class Rotation2dTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.rotation2d(0.7);
    }

    @Override
    boolean invertible() {
        return true;
    }

    /** 2-D vectors: (batch, vectors, 2). */
    @Override
    Tensor batch() {
        return Tensor.randn(new SplittableRandom(7), 3, 4, 2);
    }
}
