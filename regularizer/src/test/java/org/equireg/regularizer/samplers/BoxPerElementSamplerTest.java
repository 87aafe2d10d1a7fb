package org.equireg.regularizer.samplers;

import org.equireg.core.Tensor;

class BoxPerElementSamplerTest extends SamplerContract {
    @Override
    Sampler create() {
        return Samplers.box(Tensor.of(new double[] {-1, 0, 1}, 3), Tensor.of(new double[] {1, 2, 3}, 3));
    }

    @Override
    double exactMean(int element) {
        return element % 3;
    }

    @Override
    boolean inSupport(double[] point) {
        for (int i = 0; i < point.length; i++) {
            double low = i % 3 - 1;
            if (point[i] < low || point[i] > low + 2) {
                return false;
            }
        }
        return true;
    }
}
