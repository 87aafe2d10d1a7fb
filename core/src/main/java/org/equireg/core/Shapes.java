package org.equireg.core;

import java.util.Arrays;

/**
 * Shape arithmetic shared by every op: sizes, strides, axis normalisation and NumPy broadcasting.
 *
 * <p>Shapes are {@code int[]} in row-major order; a scalar has shape {@code []}. Every check
 * throws {@link IllegalArgumentException} naming the op and the offending shapes or values.
 */
public final class Shapes {
    private Shapes() {
    }

    /** Number of elements of {@code shape} (1 for a scalar); fails on negative or overflowing sizes. */
    public static int size(int[] shape) {
        long size = 1;
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension " + dim + " in shape " + str(shape));
            }
            size *= dim;
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shape " + str(shape) + " has more than 2^31 - 9 elements");
            }
        }
        return (int) size;
    }

    /** Row-major strides of {@code shape}, in elements. */
    public static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            strides[axis] = stride;
            stride *= shape[axis];
        }
        return strides;
    }

    /**
     * Maps a possibly negative axis (counting from the end) to {@code [0, rank)}.
     *
     * @throws IllegalArgumentException naming {@code op} when the axis is out of range
     */
    public static int normalizeAxis(String op, int axis, int rank) {
        int normalized = axis < 0 ? axis + rank : axis;
        if (normalized < 0 || normalized >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for a tensor of rank " + rank);
        }
        return normalized;
    }

    /**
     * The NumPy broadcast of two shapes: aligned from the right, each pair of dimensions equal or one of them 1.
     *
     * @throws IllegalArgumentException naming {@code op} and both shapes when they do not broadcast
     */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int dimA = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int dimB = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (dimA != dimB && dimA != 1 && dimB != 1) {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b) + " do not broadcast");
            }
            out[i] = dimA == 1 ? dimB : dimA;
        }
        return out;
    }

    /** True when {@code from} broadcasts to exactly {@code to}. */
    public static boolean broadcastsTo(int[] from, int[] to) {
        if (from.length > to.length) {
            return false;
        }
        int offset = to.length - from.length;
        for (int i = 0; i < from.length; i++) {
            if (from[i] != 1 && from[i] != to[i + offset]) {
                return false;
            }
        }
        return true;
    }

    /** The shape with {@code axis} removed, or set to 1 when {@code keepDim}. */
    public static int[] reduce(int[] shape, int axis, boolean keepDim) {
        if (keepDim) {
            int[] out = shape.clone();
            out[axis] = 1;
            return out;
        }
        int[] out = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                out[j++] = shape[i];
            }
        }
        return out;
    }

    /** Product of the dimensions before {@code axis}. */
    public static int outer(int[] shape, int axis) {
        int product = 1;
        for (int i = 0; i < axis; i++) {
            product *= shape[i];
        }
        return product;
    }

    /** Product of the dimensions after {@code axis}. */
    public static int inner(int[] shape, int axis) {
        int product = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            product *= shape[i];
        }
        return product;
    }

    /** {@code "[2, 3]"}. */
    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }
}
