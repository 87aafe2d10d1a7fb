package org.equireg.core.kernels;

import org.equireg.core.Shapes;

/** Materialising a broadcast, and its adjoint: summing a broadcast array back to the source shape. */
public final class Broadcast {
    private Broadcast() {
    }

    /**
     * Repeats {@code source} (shape {@code sourceShape}, right-aligned) to fill {@code targetShape}.
     * Returns {@code source} itself when the shapes have the same size (nothing to repeat).
     */
    public static double[] expand(double[] source, int[] sourceShape, int[] targetShape) {
        int targetSize = Shapes.size(targetShape);
        if (source.length == targetSize) {
            return source;
        }
        double[] out = new double[targetSize];
        if (source.length == 1) {
            java.util.Arrays.fill(out, source[0]);
            return out;
        }
        int[] sourceStrides = alignedStrides(sourceShape, targetShape);
        walk(targetShape, sourceStrides, (targetIndex, sourceIndex) -> out[targetIndex] = source[sourceIndex]);
        return out;
    }

    /** Sums {@code source} (shape {@code sourceShape}) over the axes along which {@code targetShape} was broadcast to it. */
    public static double[] sumTo(double[] source, int[] sourceShape, int[] targetShape) {
        double[] out = new double[Shapes.size(targetShape)];
        if (out.length == 1) {
            double sum = 0;
            for (double value : source) {
                sum += value;
            }
            out[0] = sum;
            return out;
        }
        int[] targetStrides = alignedStrides(targetShape, sourceShape);
        walk(sourceShape, targetStrides, (sourceIndex, targetIndex) -> out[targetIndex] += source[sourceIndex]);
        return out;
    }

    /** Strides of {@code small} laid over {@code big}: 0 where {@code small} is broadcast. */
    private static int[] alignedStrides(int[] small, int[] big) {
        int[] smallStrides = Shapes.strides(small);
        int[] strides = new int[big.length];
        int offset = big.length - small.length;
        for (int axis = offset; axis < big.length; axis++) {
            strides[axis] = small[axis - offset] == 1 ? 0 : smallStrides[axis - offset];
        }
        return strides;
    }

    private interface IndexPair {
        void visit(int bigIndex, int smallIndex);
    }

    /** Visits every index of {@code bigShape} in row-major order with the matching index under {@code smallStrides}. */
    private static void walk(int[] bigShape, int[] smallStrides, IndexPair visitor) {
        int rank = bigShape.length;
        int size = Shapes.size(bigShape);
        int[] counter = new int[rank];
        int smallIndex = 0;
        int last = rank - 1;
        int lastLength = rank == 0 ? 1 : bigShape[last];
        int lastStride = rank == 0 ? 0 : smallStrides[last];
        for (int bigIndex = 0; bigIndex < size; bigIndex += lastLength) {
            for (int i = 0; i < lastLength; i++) {
                visitor.visit(bigIndex + i, smallIndex + i * lastStride);
            }
            for (int axis = last - 1; axis >= 0; axis--) {
                counter[axis]++;
                smallIndex += smallStrides[axis];
                if (counter[axis] < bigShape[axis]) {
                    break;
                }
                smallIndex -= counter[axis] * smallStrides[axis];
                counter[axis] = 0;
            }
        }
    }
}
