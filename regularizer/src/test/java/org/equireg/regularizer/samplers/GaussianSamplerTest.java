package org.equireg.regularizer.samplers;

class GaussianSamplerTest extends SamplerContract {
    @Override
    Sampler create() {
        return Samplers.gaussian(1.5, 2);
    }

    @Override
    double exactMean(int element) {
        return 1.5;
    }

    @Override
    boolean inSupport(double[] point) {
        return java.util.Arrays.stream(point).allMatch(Double::isFinite);
    }
}
