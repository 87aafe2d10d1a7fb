package org.equireg.regularizer.transforms;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Average pooling of images {@code (batch, [channels,] height, width)} over {@code factor x factor}
 * blocks, to {@code (height / factor, width / factor)} (rounded down, as pooling does). A semigroup
 * action of the positive integers under multiplication: downsampling by a then by b equals
 * downsampling by ab when the sizes divide. Not invertible. PyTorch: {@code avg_pool2d(x, factor)}.
 */
final class Downsample implements Transform {
    private final int factor;

    Downsample(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("Transforms.downsample: factor must be >= 1, got " + factor);
        }
        this.factor = factor;
    }

    @Override
    public Tensor apply(Tensor batch) {
        Axes.requireImages("downsample", batch);
        int[] shape = batch.shape();
        int planes = Shapes.outer(shape, shape.length - 2); // not size / (h w): h w is 0 or overflows beside an empty axis
        Tensor pooled = batch.reshape(planes, 1, shape[shape.length - 2], shape[shape.length - 1])
                .avgPool2d(factor, factor, 0);
        shape[shape.length - 2] = pooled.dim(-2);
        shape[shape.length - 1] = pooled.dim(-1);
        return pooled.reshape(shape);
    }

    @Override
    public String toString() {
        return "downsample(" + factor + ")";
    }
}
