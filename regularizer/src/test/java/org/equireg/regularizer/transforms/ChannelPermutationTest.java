package org.equireg.regularizer.transforms;

import java.util.SplittableRandom;
import org.equireg.core.Tensor;

class ChannelPermutationTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.permuteChannels(2, 0, 1);
    }

    @Override
    boolean invertible() {
        return true;
    }

    @Override
    Tensor batch() {
        return Tensor.rand(new SplittableRandom(6), 2, 3, 4, 4);
    }
}
