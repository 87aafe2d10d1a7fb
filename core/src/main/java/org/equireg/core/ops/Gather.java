package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Movement;

/**
 * {@code out[...i...] = x[...index[...i...]...]} along one axis; {@code index} has x's rank, holds
 * whole numbers, and no dimension larger than x's off the axis. Derivative: scatter-add (via
 * {@link IndexMap}); the index gets none. PyTorch: {@code torch.gather}.
 */
public final class Gather {
    private Gather() {
    }

    /** Records {@code x.gather(axis, index)}. */
    public static Tensor apply(Tensor x, int axis, Tensor index) {
        int[] inShape = x.shape();
        int[] outShape = index.shape();
        int a = Shapes.normalizeAxis("gather", axis, inShape.length);
        if (outShape.length != inShape.length) {
            throw new IllegalArgumentException("gather: index shape " + Shapes.str(outShape) + " and input shape "
                    + Shapes.str(inShape) + " differ in rank");
        }
        for (int i = 0; i < inShape.length; i++) {
            if (i != a && outShape[i] > inShape[i]) {
                throw new IllegalArgumentException("gather: index shape " + Shapes.str(outShape) + " exceeds input shape "
                        + Shapes.str(inShape) + " at axis " + i);
            }
        }
        int[] positions = Movement.wholeNumbers(index.storage(), inShape[a], "gather: index for axis " + axis);
        int[] strides = Shapes.strides(inShape);
        int[] outStrides = Shapes.strides(outShape);
        int[] source = IndexMap.build(outShape, coordinates -> {
            int flat = 0;
            int outFlat = 0;
            for (int i = 0; i < coordinates.length; i++) {
                outFlat += coordinates[i] * outStrides[i];
            }
            for (int i = 0; i < coordinates.length; i++) {
                int c = i == a ? positions[outFlat] : coordinates[i];
                flat += c * strides[i];
            }
            return flat;
        });
        return IndexMap.apply(Op.GATHER, x, source, outShape, 0);
    }
}
