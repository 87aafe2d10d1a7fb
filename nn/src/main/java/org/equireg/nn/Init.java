package org.equireg.nn;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;

/**
 * Parameter initialisation. Layers built without an explicit generator draw from
 * {@link #defaultRandom()}, which {@link #seed(long)} resets, so one seed fixes a whole run.
 */
public final class Init {
    private static RandomGenerator defaultRandom = new SplittableRandom(0);

    private Init() {
    }

    /** The shared generator used by layers constructed without one. */
    public static synchronized RandomGenerator defaultRandom() {
        return defaultRandom;
    }

    /** Resets the shared generator (PyTorch: {@code torch.manual_seed}). */
    public static synchronized void seed(long seed) {
        defaultRandom = new SplittableRandom(seed);
    }

    /** Independent draws from U[low, high). */
    public static Tensor uniform(RandomGenerator random, double low, double high, int... shape) {
        Tensor unit = Tensor.rand(random, shape);
        double[] values = unit.buffer();
        for (int i = 0; i < values.length; i++) {
            values[i] = low + (high - low) * values[i];
        }
        return unit;
    }
}
