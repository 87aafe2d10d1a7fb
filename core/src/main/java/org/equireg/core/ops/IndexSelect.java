package org.equireg.core.ops;

import java.util.Arrays;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * The entries at {@code indices} along one axis (repeats allowed). Derivative: scatter-add back
 * (via {@link IndexMap}). PyTorch: {@code torch.index_select}.
 */
public final class IndexSelect {
    private IndexSelect() {
    }

    /** Records {@code x.indexSelect(axis, indices)}. */
    public static Tensor apply(Tensor x, int axis, int... indices) {
        int[] inShape = x.shape();
        int a = Shapes.normalizeAxis("indexSelect", axis, inShape.length);
        for (int index : indices) {
            if (index < 0 || index >= inShape[a]) {
                throw new IllegalArgumentException("indexSelect: index " + index + " is out of range for axis " + axis
                        + " of size " + inShape[a] + " in shape " + Shapes.str(inShape));
            }
        }
        int[] chosen = Arrays.copyOf(indices, indices.length);
        int[] outShape = inShape.clone();
        outShape[a] = chosen.length;
        int[] strides = Shapes.strides(inShape);
        int[] source = IndexMap.build(outShape, coordinates -> {
            int flat = 0;
            for (int i = 0; i < coordinates.length; i++) {
                flat += (i == a ? chosen[coordinates[i]] : coordinates[i]) * strides[i];
            }
            return flat;
        });
        return IndexMap.apply(Op.INDEX_SELECT, x, source, outShape, 0);
    }
}
