package org.equireg.regularizer.transforms;

import java.util.Arrays;
import java.util.Optional;
import org.equireg.core.Tensor;

/**
 * Cyclic shift by {@code shifts[i]} positions along {@code axes[i]}: the action of the group
 * Z_{n_1} x ... x Z_{n_k} (n the axis lengths). Inverse: the opposite shifts.
 * PyTorch: {@code torch.roll}.
 */
final class CyclicShift implements Transform {
    private final int[] shifts;
    private final int[] axes;

    CyclicShift(int[] shifts, int[] axes) {
        if (shifts.length != axes.length || shifts.length == 0) {
            throw new IllegalArgumentException("Transforms.roll: needs one shift per axis and at least one, got shifts "
                    + Arrays.toString(shifts) + " and axes " + Arrays.toString(axes));
        }
        this.shifts = shifts.clone();
        this.axes = axes.clone();
    }

    @Override
    public Tensor apply(Tensor batch) {
        Tensor result = batch;
        for (int i = 0; i < axes.length; i++) {
            result = result.roll(shifts[i], Axes.sampleAxis("roll", axes[i], batch));
        }
        return result;
    }

    @Override
    public Optional<Transform> inverse() {
        int[] opposite = new int[shifts.length];
        for (int i = 0; i < shifts.length; i++) {
            opposite[i] = -shifts[i];
        }
        return Optional.of(new CyclicShift(opposite, axes));
    }

    @Override
    public String toString() {
        return "roll(" + Arrays.toString(shifts) + ", axes=" + Arrays.toString(axes) + ")";
    }
}
