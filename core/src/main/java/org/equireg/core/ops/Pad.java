package org.equireg.core.ops;

import java.util.Arrays;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Constant padding; {@code padding} lists (before, after) pairs from the last axis backwards, as in
 * {@code torch.nn.functional.pad}; negative amounts crop. Derivative: the gradient of the kept
 * region (via {@link IndexMap}).
 */
public final class Pad {
    private Pad() {
    }

    /** Records {@code x.pad(padding, value)}. */
    public static Tensor apply(Tensor x, int[] padding, double value) {
        int[] inShape = x.shape();
        int rank = inShape.length;
        if (padding.length % 2 != 0 || padding.length / 2 > rank) {
            throw new IllegalArgumentException("pad: padding " + Arrays.toString(padding) + " must hold (before, after) "
                    + "pairs for at most " + rank + " axes of shape " + Shapes.str(inShape));
        }
        int[] before = new int[rank];
        int[] outShape = inShape.clone();
        for (int pair = 0; pair < padding.length / 2; pair++) {
            int axis = rank - 1 - pair;
            before[axis] = padding[2 * pair];
            long padded = (long) inShape[axis] + padding[2 * pair] + padding[2 * pair + 1];
            if (padded < 0 || padded > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("pad: padding " + Arrays.toString(padding) + " takes axis " + axis
                        + " of shape " + Shapes.str(inShape) + " to size " + padded);
            }
            outShape[axis] = (int) padded;
        }
        int[] strides = Shapes.strides(inShape);
        int[] source = IndexMap.build(outShape, coordinates -> {
            int flat = 0;
            for (int i = 0; i < rank; i++) {
                int c = coordinates[i] - before[i];
                if (c < 0 || c >= inShape[i]) {
                    return -1;
                }
                flat += c * strides[i];
            }
            return flat;
        });
        return IndexMap.apply(Op.PAD, x, source, outShape, value);
    }
}
