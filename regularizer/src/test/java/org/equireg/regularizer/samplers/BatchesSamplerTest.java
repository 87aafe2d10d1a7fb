package org.equireg.regularizer.samplers;

import java.util.SplittableRandom;
import org.equireg.core.Tensor;

class BatchesSamplerTest extends SamplerContract {
    /** A loader of uniform batches of 5 rows with its own seeded generator. */
    @Override
    Sampler create() {
        SplittableRandom loader = new SplittableRandom(0);
        return Samplers.fromBatches(() -> Tensor.rand(loader, 5, 2, 3));
    }

    @Override
    double exactMean(int element) {
        return 0.5;
    }

    @Override
    boolean inSupport(double[] point) {
        return java.util.Arrays.stream(point).allMatch(v -> v >= 0 && v < 1);
    }

    @Override
    boolean usesTheGenerator() {
        return false;
    }
}
