package org.equireg.regularizer.samplers;

class BoxBoundsSamplerTest extends SamplerContract {
    @Override
    Sampler create() {
        return Samplers.box(-3, 5);
    }

    @Override
    double exactMean(int element) {
        return 1.0;
    }

    @Override
    boolean inSupport(double[] point) {
        return java.util.Arrays.stream(point).allMatch(v -> v >= -3 && v <= 5);
    }
}
