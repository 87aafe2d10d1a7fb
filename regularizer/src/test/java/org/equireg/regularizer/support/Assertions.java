package org.equireg.regularizer.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.equireg.core.Tensor;

/** Tensor comparisons with messages that name the element. */
public final class Assertions {
    private Assertions() {
    }

    /** Same shape, and every element within {@code absolute}. */
    public static void assertClose(Tensor expected, Tensor actual, double absolute, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.buffer();
        double[] a = actual.buffer();
        for (int i = 0; i < e.length; i++) {
            if (!(Math.abs(e[i] - a[i]) <= absolute)) {
                fail(what + ": element " + i + " is " + a[i] + ", expected " + e[i] + " (tolerance " + absolute + ")");
            }
        }
    }

    /** Same shape, and every element within {@code relative * max(|expected|_inf, tiny)}. */
    public static void assertRelativelyClose(Tensor expected, Tensor actual, double relative, String what) {
        double scale = 0;
        for (double value : expected.buffer()) {
            scale = Math.max(scale, Math.abs(value));
        }
        assertClose(expected, actual, relative * Math.max(scale, Double.MIN_NORMAL), what);
    }
}
