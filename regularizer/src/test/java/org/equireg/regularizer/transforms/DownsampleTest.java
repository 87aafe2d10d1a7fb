package org.equireg.regularizer.transforms;

import java.util.SplittableRandom;
import org.equireg.core.Tensor;

class DownsampleTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.downsample(2);
    }

    @Override
    boolean invertible() {
        return false;
    }

    @Override
    Tensor batch() {
        return Tensor.rand(new SplittableRandom(3), 2, 2, 4, 6);
    }
}
