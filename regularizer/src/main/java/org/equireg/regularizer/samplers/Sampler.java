package org.equireg.regularizer.samplers;

import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;

/**
 * A distribution on the model's input space to integrate the equivariance error over.
 */
@FunctionalInterface
public interface Sampler {

    /**
     * Draws {@code n} points.
     *
     * @param n the number of points, at least 1
     * @param shape one point's shape (no batch axis). Not modified.
     * @param random the source of randomness. Modified (advanced).
     * @return {@code (n, ...shape)}, a new leaf that does not require grad, of any type ({@link
     *     org.equireg.regularizer.EquivarianceError} converts the points to the model's type)
     */
    Tensor sample(int n, int[] shape, RandomGenerator random);

    /**
     * Throws {@link IllegalArgumentException} when this sampler cannot produce points of
     * {@code shape} (bounds that do not broadcast to it, data of another shape). The regularizer
     * calls it once when it is built, so mistakes surface early. The default accepts every shape.
     */
    default void check(int[] shape) {
    }

    /**
     * True when the n points of one call are independent draws, so the spread of the per-point
     * errors gives the standard error of their mean. False for quasi-Monte Carlo and antithetic
     * points, whose standard error comes from independent repetitions.
     */
    default boolean independentSamples() {
        return true;
    }
}
