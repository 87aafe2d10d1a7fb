package org.equireg.regularizer.samplers;

class MixtureSamplerTest extends SamplerContract {
    @Override
    Sampler create() {
        return Samplers.mixture(new double[] {1, 3}, Samplers.box(0, 1), Samplers.box(2, 3));
    }

    @Override
    double exactMean(int element) {
        return 0.25 * 0.5 + 0.75 * 2.5;
    }

    @Override
    boolean inSupport(double[] point) {
        return java.util.Arrays.stream(point).allMatch(v -> v >= 0 && v <= 1) || java.util.Arrays.stream(point).allMatch(v -> v >= 2 && v <= 3);
    }
}
