package org.equireg.regularizer.transforms;

import java.util.SplittableRandom;
import org.equireg.core.Tensor;

class AxisPermutationTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.permuteAxes(0, 2, 1);
    }

    @Override
    boolean invertible() {
        return true;
    }

    @Override
    Tensor batch() {
        return Tensor.rand(new SplittableRandom(4), 3, 2, 4, 5);
    }
}
