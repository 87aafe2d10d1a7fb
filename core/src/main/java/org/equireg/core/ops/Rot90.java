package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Rotates by k quarter turns in the plane of two axes, as one gather: {@code torch.rot90}'s flip and
 * transpose composed into a single strided map, so a rotation costs one output array (and its
 * gradient one) instead of two. Derivative: the adjoint scatter (via {@link IndexMap}). PyTorch:
 * {@code torch.rot90}.
 */
public final class Rot90 {
    private Rot90() {
    }

    /**
     * Records {@code x.rot90(k, a, b)} for k = 1, 2 or 3 quarter turns from axis a towards axis b
     * (normalized, distinct axes). k = 1: {@code out[.., i, .., j, ..] = x[.., j, .., S_b - 1 - i, ..]};
     * k = 3: {@code x[.., S_a - 1 - j, .., i, ..]}; k = 2: both axes reversed.
     */
    public static Tensor apply(Tensor x, int k, int a, int b) {
        int[] inShape = x.shape();
        if (a < 0 || b < 0 || a >= inShape.length || b >= inShape.length || a == b) {
            throw new IllegalArgumentException("rot90: needs two distinct axes in [0, " + inShape.length + "), got " + a
                    + " and " + b);
        }
        int[] inStrides = Shapes.strides(inShape);
        int[] outShape = inShape.clone();
        int[] strides = inStrides.clone();
        int offset;
        switch (k) {
            case 1 -> { // flip(b), then transpose(a, b)
                outShape[a] = inShape[b];
                outShape[b] = inShape[a];
                offset = (inShape[b] - 1) * inStrides[b];
                strides[a] = -inStrides[b];
                strides[b] = inStrides[a];
            }
            case 2 -> { // flip(a, b)
                offset = (inShape[a] - 1) * inStrides[a] + (inShape[b] - 1) * inStrides[b];
                strides[a] = -inStrides[a];
                strides[b] = -inStrides[b];
            }
            case 3 -> { // transpose(a, b), then flip(b)
                outShape[a] = inShape[b];
                outShape[b] = inShape[a];
                offset = (inShape[a] - 1) * inStrides[a];
                strides[a] = inStrides[b];
                strides[b] = -inStrides[a];
            }
            default -> throw new IllegalArgumentException("rot90: quarter turns must be 1, 2 or 3 here, got " + k);
        }
        return IndexMap.apply(Op.ROT90, x, IndexMap.strided(outShape, offset, strides), outShape, 0);
    }
}
