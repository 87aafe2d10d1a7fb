package org.equireg.regularizer.transforms;

import java.util.SplittableRandom;
import org.equireg.core.Tensor;

class SetPermutationTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.permuteAlong(1, 3, 0, 4, 1, 2);
    }

    @Override
    boolean invertible() {
        return true;
    }

    /** Point sets: (batch, points, features). */
    @Override
    Tensor batch() {
        return Tensor.rand(new SplittableRandom(5), 3, 5, 2);
    }
}
