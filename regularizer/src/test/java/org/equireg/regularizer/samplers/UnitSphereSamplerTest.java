package org.equireg.regularizer.samplers;

class UnitSphereSamplerTest extends SamplerContract {
    @Override
    Sampler create() {
        return Samplers.unitSphere();
    }

    @Override
    double exactMean(int element) {
        return 0.0;
    }

    @Override
    boolean inSupport(double[] point) {
        return Math.abs(java.util.Arrays.stream(point).map(v -> v * v).sum() - 1) <= 1e-14;
    }
}
