package org.equireg.regularizer.samplers;

import org.equireg.core.Tensor;

class DataSamplerTest extends SamplerContract {
    /** 10 rows: five all zeros, five all ones. */
    private static final Tensor DATA = Tensor.zeros(10, 2, 3).add(
            Tensor.of(new double[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1}, 10, 1, 1));

    @Override
    Sampler create() {
        return Samplers.fromData(DATA);
    }

    @Override
    double exactMean(int element) {
        return 0.5;
    }

    @Override
    boolean inSupport(double[] point) {
        return java.util.Arrays.stream(point).allMatch(v -> v == 0 || v == 1);
    }
}
