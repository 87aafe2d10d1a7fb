package org.equireg.regularizer.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

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

    /** The number of image planes is counted in long: height x width here is 2^32, an int wraps it to 0. */
    @Test
    void anEmptyBatchOfHugeImagesKeepsItsShape() {
        Tensor none = Tensor.zeros(0, 1, 65536, 65536);
        assertArrayEquals(new int[] {0, 1, 32768, 32768}, Transforms.downsample(2).apply(none).shape());
    }
}
