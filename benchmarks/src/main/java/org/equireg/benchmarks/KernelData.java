package org.equireg.benchmarks;

import java.util.SplittableRandom;

/** Seeded inputs of the kernel benchmarks, in both dtypes. */
final class KernelData {
    private KernelData() {
    }

    /** Uniform values in [-1, 1). */
    static double[] uniform(SplittableRandom random, int length) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        return values;
    }

    /** The values rounded to float, so both dtypes see the same numbers. */
    static float[] narrow(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    static void checkDtype(String dtype) {
        if (!dtype.equals("float64") && !dtype.equals("float32")) {
            throw new IllegalArgumentException("dtype must be float64 or float32, got " + dtype);
        }
    }
}
