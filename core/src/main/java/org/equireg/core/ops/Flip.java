package org.equireg.core.ops;

import java.util.Arrays;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/** Reverses the order of elements along the given axes. Derivative: the same flip (via {@link IndexMap}). PyTorch: {@code torch.flip}. */
public final class Flip {
    private Flip() {
    }

    /** Records {@code x.flip(axes)}. */
    public static Tensor apply(Tensor x, int... axes) {
        int[] shape = x.shape();
        boolean[] flipped = new boolean[shape.length];
        for (int axis : axes) {
            int a = Shapes.normalizeAxis("flip", axis, shape.length);
            if (flipped[a]) {
                throw new IllegalArgumentException("flip: axis " + axis + " repeats in " + Arrays.toString(axes));
            }
            flipped[a] = true;
        }
        int[] strides = Shapes.strides(shape);
        int[] source = IndexMap.build(shape, coordinates -> {
            int flat = 0;
            for (int i = 0; i < coordinates.length; i++) {
                int c = flipped[i] ? shape[i] - 1 - coordinates[i] : coordinates[i];
                flat += c * strides[i];
            }
            return flat;
        });
        return IndexMap.apply(Op.FLIP, x, source, shape, 0);
    }
}
