package org.equireg.regularizer.samplers;

import java.util.random.RandomGenerator;
import org.equireg.core.DType;
import org.equireg.core.Tensor;

/**
 * Independent normal points {@code mean + std * z}, z standard normal in every element; {@link Samplers}
 * checks mean and std.
 */
record Gaussian(double mean, double std) implements Sampler {

    @Override
    public Tensor sample(int n, int[] shape, RandomGenerator random) {
        BatchShapes.checkSampleArguments(this, n, shape, random);
        Tensor points = Tensor.randn(random, DType.FLOAT64, BatchShapes.withBatch(n, shape));
        double[] values = points.buffer();
        for (int i = 0; i < values.length; i++) {
            values[i] = mean + std * values[i];
        }
        return points;
    }

    @Override
    public String toString() {
        return "gaussian(mean " + mean + ", std " + std + ")";
    }
}
