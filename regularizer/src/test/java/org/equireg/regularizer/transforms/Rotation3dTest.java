package org.equireg.regularizer.transforms;

import java.util.SplittableRandom;
import org.equireg.core.Tensor;

class Rotation3dTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.rotation3d(new double[] {1, -2, 0.5}, 1.3);
    }

    @Override
    boolean invertible() {
        return true;
    }

    @Override
    Tensor batch() {
        return Tensor.randn(new SplittableRandom(8), 4, 3);
    }
}
