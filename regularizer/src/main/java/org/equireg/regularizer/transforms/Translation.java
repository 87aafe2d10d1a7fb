package org.equireg.regularizer.transforms;

import java.util.Arrays;
import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/**
 * Shift by {@code shifts[i]} positions along {@code axes[i]}, filling the vacated positions with 0
 * and dropping what moves out. Not invertible (information leaves the window); translations
 * whose shifts have the same sign on every axis compose additively, so for each choice of
 * directions they are an action of the monoid (N^k, +).
 */
final class Translation implements Transform {
    private final int[] shifts;
    private final int[] axes;

    Translation(int[] shifts, int[] axes) {
        if (shifts.length != axes.length || shifts.length == 0) {
            throw new IllegalArgumentException("Transforms.translate: needs one shift per axis and at least one, got shifts "
                    + Arrays.toString(shifts) + " and axes " + Arrays.toString(axes));
        }
        this.shifts = shifts.clone();
        this.axes = axes.clone();
    }

    @Override
    public Tensor apply(Tensor batch) {
        int rank = Arguments.notNull(batch, "translate", "batch").rank();
        int[] before = new int[rank];
        int[] after = new int[rank];
        for (int i = 0; i < axes.length; i++) {
            int axis = Axes.sampleAxis("translate", axes[i], batch);
            // pad by +s on one side and crop by s on the other; Tensor.pad crops for negative amounts
            before[axis] += shifts[i];
            after[axis] -= shifts[i];
        }
        int firstAxis = 1;
        while (firstAxis < rank && before[firstAxis] == 0 && after[firstAxis] == 0) {
            firstAxis++;
        }
        int[] padding = new int[2 * (rank - firstAxis)];
        for (int axis = rank - 1, pair = 0; axis >= firstAxis; axis--, pair++) {
            padding[2 * pair] = before[axis];
            padding[2 * pair + 1] = after[axis];
        }
        return batch.pad(padding, 0.0);
    }

    @Override
    public String toString() {
        return "translate(" + Arrays.toString(shifts) + ", axes=" + Arrays.toString(axes) + ", zero fill)";
    }
}
