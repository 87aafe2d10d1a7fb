package org.equireg.core.ops;

import java.util.Arrays;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Reorders axes: output axis i is input axis {@code order[i]}. Derivative: the inverse permutation
 * (via {@link IndexMap}). PyTorch: {@code torch.permute}.
 */
public final class Permute {
    private Permute() {
    }

    /** Records {@code permute(x, order)}. */
    public static Tensor apply(Tensor x, int... order) {
        int[] inShape = x.shape();
        int rank = inShape.length;
        if (order.length != rank) {
            throw new IllegalArgumentException("permute: order " + Arrays.toString(order) + " has " + order.length
                    + " axes for a tensor of shape " + Shapes.str(inShape));
        }
        int[] axes = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            axes[i] = Shapes.normalizeAxis("permute", order[i], rank);
            if (seen[axes[i]]) {
                throw new IllegalArgumentException("permute: axis " + order[i] + " repeats in " + Arrays.toString(order));
            }
            seen[axes[i]] = true;
        }
        int[] inStrides = Shapes.strides(inShape);
        int[] outShape = new int[rank];
        int[] strideOfOutAxis = new int[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = inShape[axes[i]];
            strideOfOutAxis[i] = inStrides[axes[i]];
        }
        int[] source = IndexMap.strided(outShape, 0, strideOfOutAxis);
        return IndexMap.apply(Op.PERMUTE, x, source, outShape, 0);
    }
}
