package org.equireg.regularizer.samplers;

class BoxSamplerTest extends SamplerContract {
    @Override
    Sampler create() {
        return Samplers.box();
    }

    @Override
    double exactMean(int element) {
        return 0.5;
    }

    @Override
    boolean inSupport(double[] point) {
        return java.util.Arrays.stream(point).allMatch(v -> v >= 0 && v < 1);
    }
}
