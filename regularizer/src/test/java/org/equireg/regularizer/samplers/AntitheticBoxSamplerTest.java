package org.equireg.regularizer.samplers;

class AntitheticBoxSamplerTest extends SamplerContract {
    @Override
    Sampler create() {
        return Samplers.antitheticBox(2, 4);
    }

    @Override
    double exactMean(int element) {
        return 3.0;
    }

    @Override
    boolean inSupport(double[] point) {
        return java.util.Arrays.stream(point).allMatch(v -> v >= 2 && v <= 4);
    }
}
