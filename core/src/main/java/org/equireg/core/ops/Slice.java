package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Python's {@code x[start:end:step]} along one axis: negative bounds count from the end and bounds
 * are clipped; step &gt;= 1. Derivative: the gradient scattered back (via {@link IndexMap}).
 * PyTorch: basic indexing, {@code torch.Tensor.__getitem__} with a slice.
 */
public final class Slice {
    private Slice() {
    }

    /** Records {@code x.slice(axis, start, end, step)}. */
    public static Tensor apply(Tensor x, int axis, int start, int end, int step) {
        int[] inShape = x.shape();
        int a = Shapes.normalizeAxis("slice", axis, inShape.length);
        if (step < 1) {
            throw new IllegalArgumentException("slice: step must be >= 1, got " + step);
        }
        int length = inShape[a];
        int from = clip(start, length);
        int to = clip(end, length);
        int count = to > from ? (to - from - 1) / step + 1 : 0; // ceil((to - from) / step) without overflow
        int[] outShape = inShape.clone();
        outShape[a] = count;
        // source = (from + c * step) * stride along the sliced axis, c * stride along the others
        int[] strides = Shapes.strides(inShape);
        int offset = from * strides[a];
        strides[a] *= step;
        int[] source = IndexMap.strided(outShape, offset, strides);
        return IndexMap.apply(Op.SLICE, x, source, outShape, 0);
    }

    private static int clip(int bound, int length) {
        int b = bound < 0 ? bound + length : bound;
        return Math.max(0, Math.min(length, b));
    }
}
