package org.equireg.core.golden;

import java.util.Arrays;

/**
 * {@code max |actual - expected| / max(max |expected|, FLOOR)} over all elements, with the element
 * where the difference is largest, over the elements PyTorch gives finite; where it gives NaN or an
 * infinity, equireg must give the same (as {@code torch.testing.assert_close(equal_nan=True)}), and
 * otherwise that element, like any other NaN difference, counts as the worst possible one.
 *
 * @param value the relative error (NaN or infinite when something is not finite)
 * @param worstIndex flat index of the largest absolute difference, -1 for empty tensors
 * @param actual the equireg value at {@code worstIndex}
 * @param expected the PyTorch value at {@code worstIndex}
 */
record RelativeError(double value, int worstIndex, double actual, double expected) {

    /** Keeps an all-zero expectation from dividing by zero: then any non-zero value fails. */
    static final double FLOOR = Double.MIN_NORMAL;

    /** Compares two arrays of equal length. Not modified. */
    static RelativeError of(double[] actual, double[] expected) {
        if (actual.length != expected.length) {
            throw new IllegalArgumentException("RelativeError.of: lengths differ, " + actual.length + " and "
                    + expected.length);
        }
        double scale = FLOOR;
        double worst = 0;
        int worstIndex = actual.length == 0 ? -1 : 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isFinite(expected[i])) {
                if (Double.compare(actual[i], expected[i]) != 0 && !Double.isNaN(worst)) {
                    worst = Double.NaN;
                    worstIndex = i;
                }
                continue;
            }
            scale = Math.max(scale, Math.abs(expected[i]));
            double difference = Math.abs(actual[i] - expected[i]);
            if (!Double.isNaN(worst) && !(difference <= worst)) {
                worst = difference;
                worstIndex = i;
            }
        }
        return worstIndex < 0 ? new RelativeError(0, -1, 0, 0)
                : new RelativeError(worst / scale, worstIndex, actual[worstIndex], expected[worstIndex]);
    }

    /** The worst element as a multi-index of {@code shape}, with both values. */
    String describe(int[] shape) {
        if (worstIndex < 0) {
            return "empty tensor";
        }
        int[] coordinates = new int[shape.length];
        for (int axis = shape.length - 1, rest = worstIndex; axis >= 0; axis--) {
            coordinates[axis] = rest % shape[axis];
            rest /= shape[axis];
        }
        return "relative error " + value + ", worst at " + Arrays.toString(coordinates) + ": equireg " + actual
                + ", PyTorch " + expected;
    }
}
