package org.equireg.regularizer.lie;

import org.equireg.core.Tensor;

/**
 * Central differences {@code (x[k + 1] - x[k - 1]) / 2} along one axis, with zeros or the axis
 * wrapped around beyond both ends: the signal shifts' tangent. Built from differentiable ops
 * (padding, roll, slices), so the result has a graph like any other op's. (The image flows compute
 * theirs as one convolution, see {@link ImageFlow#tangent}.)
 */
final class CentralDifference {
    /** What lies beyond the ends of the axis. */
    enum Boundary {
        /** Zeros. */
        ZEROS,
        /** The axis wraps around. */
        CYCLIC
    }

    private CentralDifference() {
    }

    /** The central difference of {@code x} along {@code axis} (negative counts from the end), the shape of {@code x}. */
    static Tensor along(Tensor x, int axis, Boundary boundary) {
        int rank = x.rank();
        int normalized = axis < 0 ? axis + rank : axis;
        int length = x.dim(normalized);
        Tensor next;
        Tensor previous;
        switch (boundary) {
            case ZEROS -> {
                int[] padding = new int[2 * (rank - normalized)];
                padding[padding.length - 2] = 1; // before
                padding[padding.length - 1] = 1; // after
                Tensor padded = x.pad(padding, 0);
                next = padded.slice(normalized, 2, length + 2);
                previous = padded.slice(normalized, 0, length);
            }
            case CYCLIC -> {
                next = x.roll(-1, normalized);
                previous = x.roll(1, normalized);
            }
            default -> throw new AssertionError(boundary);
        }
        return next.sub(previous).mul(0.5);
    }
}
