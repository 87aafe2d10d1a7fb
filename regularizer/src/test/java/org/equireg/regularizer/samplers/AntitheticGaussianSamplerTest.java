package org.equireg.regularizer.samplers;

class AntitheticGaussianSamplerTest extends SamplerContract {
    @Override
    Sampler create() {
        return Samplers.antitheticGaussian(-1, 0.5);
    }

    @Override
    double exactMean(int element) {
        return -1.0;
    }

    @Override
    boolean inSupport(double[] point) {
        return java.util.Arrays.stream(point).allMatch(Double::isFinite);
    }
}
