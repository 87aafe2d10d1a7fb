package org.equireg.regularizer.samplers;

import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;

/** Independent normal points {@code mean + std * z}, z standard normal in every element. */
record Gaussian(double mean, double std) implements Sampler {

    Gaussian {
        if (!Double.isFinite(mean) || !(std >= 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("Samplers.gaussian: needs a finite mean and a finite std >= 0, got mean = "
                    + mean + ", std = " + std);
        }
    }

    @Override
    public Tensor sample(int n, int[] shape, RandomGenerator random) {
        Tensor points = Tensor.randn(random, BatchShapes.withBatch(n, shape));
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
