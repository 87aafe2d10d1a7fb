package org.equireg.regularizer.samplers;

import java.util.random.RandomGenerator;
import org.equireg.core.Arguments;

/** Batch-shape arithmetic shared by the samplers. */
final class BatchShapes {
    private BatchShapes() {
    }

    /**
     * Checks the arguments of {@link Sampler#sample}: n >= 0, a shape and a generator; throws
     * {@link IllegalArgumentException} naming the sampler and the argument.
     */
    static void checkSampleArguments(Sampler sampler, int n, int[] shape, RandomGenerator random) {
        if (n < 0 || shape == null || random == null) {
            String method = sampler + ".sample";   // built only on failure: toString may be costly
            if (n < 0) {
                throw new IllegalArgumentException(method + ": n = " + n + " is negative");
            }
            Arguments.notNull(shape, method, "shape");
            Arguments.notNull(random, method, "random");
        }
    }

    /** {@code (n, ...shape)}. */
    static int[] withBatch(int n, int[] shape) {
        int[] batchShape = new int[shape.length + 1];
        batchShape[0] = n;
        System.arraycopy(shape, 0, batchShape, 1, shape.length);
        return batchShape;
    }
}
