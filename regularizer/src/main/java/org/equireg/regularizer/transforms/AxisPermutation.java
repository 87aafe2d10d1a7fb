package org.equireg.regularizer.transforms;

import java.util.Arrays;
import java.util.Optional;
import org.equireg.core.Arguments;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Reorders the axes of each sample: output sample axis i is input sample axis {@code order[i]}
 * (sample axes count from 0 after the batch axis). An element of the symmetric group on the axes;
 * the inverse is the inverse permutation. Transposing an image is {@code order = {1, 0}} for
 * {@code (batch, height, width)}.
 */
final class AxisPermutation implements Transform {
    private final int[] order;

    AxisPermutation(int[] order) {
        Permutations.check("Transforms.permuteAxes", order);
        this.order = order.clone();
    }

    @Override
    public Tensor apply(Tensor batch) {
        if (Arguments.notNull(batch, "permuteAxes", "batch").rank() != order.length + 1) {
            throw new IllegalArgumentException("permuteAxes: order " + Arrays.toString(order) + " needs samples with "
                    + order.length + " axes, got batch shape " + Shapes.str(batch.shape()));
        }
        int[] batchOrder = new int[order.length + 1];
        for (int i = 0; i < order.length; i++) {
            batchOrder[i + 1] = order[i] + 1;
        }
        return batch.permute(batchOrder);
    }

    @Override
    public Optional<Transform> inverse() {
        return Optional.of(new AxisPermutation(Permutations.inverse(order)));
    }

    @Override
    public String toString() {
        return "permuteAxes(" + Arrays.toString(order) + ")";
    }
}
