package org.equireg.regularizer;

import java.util.SplittableRandom;
import org.equireg.core.Tensor;

class CrossEntropyDistanceTest extends DistanceContract {
    @Override
    Distance create() {
        return Distance.CROSS_ENTROPY;
    }

    @Override
    boolean symmetric() {
        return true;
    }

    /** Probabilities: the softmax of normal logits. */
    @Override
    Tensor outputs(long seed) {
        return Tensor.randn(new SplittableRandom(seed), 4, 3).softmax(-1);
    }
}
