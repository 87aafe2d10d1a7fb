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
        double[] out = Buffers.doubles(targetSize);
        if (source.length == 1) {
            java.util.Arrays.fill(out, source[0]);
            return out;
        }
        int[] sourceStrides = alignedStrides(sourceShape, targetShape);
        walk(targetShape, sourceStrides, (targetIndex, sourceIndex) -> out[targetIndex] = source[sourceIndex]);
        return out;
    }

    /**
     * Sums {@code source} (shape {@code sourceShape}) over the axes along which {@code targetShape} was
     * broadcast to it, each sum added in row-major order of the source in a double accumulator and
     * rounded once. In float32 that keeps a sum of any length within about one rounding of the exact
     * sum (a float accumulator drifts by up to one rounding per term: 10^7 terms of 0.1 would give
     * 1087937 instead of 1000000); a double costs nothing here, where the walk, not the additions,
     * sets the speed. The order is fixed, so the bits do not depend on the thread count or the path.
     */
    public static double[] sumTo(double[] source, int[] sourceShape, int[] targetShape) {
        double[] out = Buffers.doubles(Shapes.size(targetShape));
        if (out.length == 1) {
            /* wide */ double sum = 0;
            for (double value : source) {
                sum += value;
            }
            out[0] = (double) sum;
            return out;
        }
        /* wide */ double[] sums = new /* wide */ double[out.length];
        if (out.length > 0 && trailingAxesMatch(sourceShape, targetShape)) {
            // Only leading axes are reduced (a bias-like gradient): add whole rows, a loop the JIT vectorises.
            for (int row = 0; row < source.length; row += out.length) {
                for (int i = 0; i < out.length; i++) {
                    sums[i] += source[row + i];
                }
            }
        } else {
            int[] targetStrides = alignedStrides(targetShape, sourceShape);
            walk(sourceShape, targetStrides, (sourceIndex, targetIndex) -> sums[targetIndex] += source[sourceIndex]);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (double) sums[i];
        }
        return out;
    }

    /**
     * Whether {@code small}, leading 1s dropped, is the trailing axes of {@code big}: the broadcast
     * only repeats whole rows of {@code big}'s last axes.
     */
    private static boolean trailingAxesMatch(int[] big, int[] small) {
        int first = 0;
        while (first < small.length && small[first] == 1) {
            first++;
        }
        int offset = big.length - small.length;
        for (int axis = first; axis < small.length; axis++) {
            if (small[axis] != big[axis + offset]) {
                return false;
            }
        }
        return true;
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
