package org.equireg.core.kernels;

/**
 * The arithmetic of a p-norm in double, shared by {@link AxisSums} and its float32 twin (which
 * accumulates in double): one term added to its accumulator, and the norm from the accumulated terms.
 */
final class PNorm {
    private PNorm() {
    }

    /** {@code accumulator} with the term {@code magnitude^p} (p = inf: the running maximum). */
    static double accumulate(double accumulator, double magnitude, double p) {
        if (p == 1) {
            return accumulator + magnitude;
        }
        if (p == 2) {
            return accumulator + magnitude * magnitude;
        }
        if (p == Double.POSITIVE_INFINITY) {
            return Math.max(accumulator, magnitude);
        }
        return accumulator + Math.pow(magnitude, p);
    }

    /** The p-norm from its accumulated terms. */
    static double finish(double accumulator, double p) {
        if (p == 2) {
            return Math.sqrt(accumulator);
        }
        return p == 1 || p == Double.POSITIVE_INFINITY ? accumulator : Math.pow(accumulator, 1 / p);
    }
}
