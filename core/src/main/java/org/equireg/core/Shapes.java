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

    /** The largest number of elements a tensor may have: the largest Java array, 2^31 - 9. */
    public static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    /**
     * Number of elements of {@code shape} (1 for a scalar), computed in long: 0 when a dimension is
     * 0, however large the others (so {@code [0, 65536, 65536]} is a valid empty shape).
     *
     * @throws IllegalArgumentException on a negative dimension or more than {@link #MAX_SIZE} elements
     */
    public static int size(int[] shape) {
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension " + dim + " in shape " + str(shape));
            }
        }
        long size = product(shape, 0, shape.length);
        if (size > MAX_SIZE) {
            throw new IllegalArgumentException("shape " + str(shape) + " has " + (size == Long.MAX_VALUE ? "more than 2^63"
                    : size) + " elements, more than " + MAX_SIZE + " (2^31 - 9, the largest array)");
        }
        return (int) size;
    }

    /**
     * The product of the non-negative dimensions {@code shape[from..to)} in long, 0 when one of them
     * is 0, or {@code Long.MAX_VALUE} when it does not fit a long.
     */
    public static long product(int[] shape, int from, int to) {
        for (int axis = from; axis < to; axis++) {
            if (shape[axis] == 0) {
                return 0;
            }
        }
        long product = 1;
        for (int axis = from; axis < to; axis++) {
            product = product > Long.MAX_VALUE / shape[axis] ? Long.MAX_VALUE : product * shape[axis];
        }
        return product;
    }

    /**
     * The product of {@code shape[from..to)} as a dimension of a new shape, for ops that merge
     * dimensions ({@code flatten}).
     *
     * @throws IllegalArgumentException naming {@code op} when it exceeds {@link Integer#MAX_VALUE}
     */
    public static int mergedDimension(String op, int[] shape, int from, int to) {
        long product = product(shape, from, to);
        if (product > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": merging dimensions " + from + ".." + (to - 1) + " of shape "
                    + str(shape) + " gives a dimension of " + (product == Long.MAX_VALUE ? "more than 2^63" : product)
                    + ", more than an int holds (2^31 - 1)");
        }
        return (int) product;
    }

    /**
     * Row-major strides of {@code shape}, in elements. A stride past the int range can occur only in
     * an empty shape ({@code [0, 65536, 65536]}), where it never addresses an element; it is given as 0.
     */
    public static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        long stride = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            strides[axis] = stride <= Integer.MAX_VALUE ? (int) stride : 0;
            stride = Math.min(stride * shape[axis], 1L << 32); // capped: past 2^31 it is only ever replaced by 0
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

    /**
     * Product of the dimensions before {@code axis}.
     *
     * @throws IllegalArgumentException when it exceeds {@link Integer#MAX_VALUE} (possible only beside a zero dimension)
     */
    public static int outer(int[] shape, int axis) {
        return blockSize(shape, 0, axis, "before");
    }

    /**
     * Product of the dimensions after {@code axis}.
     *
     * @throws IllegalArgumentException when it exceeds {@link Integer#MAX_VALUE} (possible only beside a zero dimension)
     */
    public static int inner(int[] shape, int axis) {
        return blockSize(shape, axis + 1, shape.length, "after");
    }

    private static int blockSize(int[] shape, int from, int to, String side) {
        long product = product(shape, from, to);
        if (product > Integer.MAX_VALUE) {
            int axis = side.equals("before") ? to : from - 1;
            throw new IllegalArgumentException("shape " + str(shape) + ": the dimensions " + side + " axis " + axis
                    + " hold " + (product == Long.MAX_VALUE ? "more than 2^63" : product) + " elements together, more than"
                    + " an int holds (2^31 - 1), so the result of an op along axis " + axis + " cannot be stored");
        }
        return (int) product;
    }

    /** {@code "[2, 3]"}. */
    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }
}
