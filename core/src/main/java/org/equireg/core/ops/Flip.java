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
        // a flipped axis reads from its last entry backwards: source = (shape - 1 - c) * stride
        int[] strides = Shapes.strides(shape);
        int offset = 0;
        for (int i = 0; i < shape.length; i++) {
            if (flipped[i]) {
                offset += (shape[i] - 1) * strides[i];
                strides[i] = -strides[i];
            }
        }
        int[] source = IndexMap.strided(shape, offset, strides);
        return IndexMap.apply(Op.FLIP, x, source, shape, 0);
    }
}
