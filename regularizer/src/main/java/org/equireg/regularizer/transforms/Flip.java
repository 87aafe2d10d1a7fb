package org.equireg.regularizer.transforms;

import java.util.Arrays;
import java.util.Optional;
import org.equireg.core.Tensor;

/** Reversal along the given axes: an element of order 2 of (Z_2)^k, its own inverse. PyTorch: {@code torch.flip}. */
final class Flip implements Transform {
    private final int[] axes;

    Flip(int[] axes) {
        if (axes.length == 0) {
            throw new IllegalArgumentException("Transforms.flip: needs at least one axis");
        }
        this.axes = axes.clone();
    }

    @Override
    public Tensor apply(Tensor batch) {
        int[] normalized = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            normalized[i] = Axes.sampleAxis("flip", axes[i], batch);
        }
        return batch.flip(normalized);
    }

    @Override
    public Optional<Transform> inverse() {
        return Optional.of(this);
    }

    @Override
    public String toString() {
        return "flip(axes=" + Arrays.toString(axes) + ")";
    }
}
