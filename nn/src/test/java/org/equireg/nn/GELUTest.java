package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GELUTest extends ModuleContract {
    @Override
    Module create(RandomGenerator random) {
        return new GELU();
    }

    @Override
    Tensor input(RandomGenerator random) {
        return Tensor.randn(random, 3, 4).mul(2);
    }

    @Test
    void isXTimesTheNormalDistributionFunction() {
        // Phi(1) = (1 + erf(1 / sqrt 2)) / 2 = 0.8413447460685429 (Python's math.erf)
        assertEquals(0.8413447460685429, new GELU().forward(Tensor.scalar(1)).item(), 0.85 * Tolerances.ERF_RELATIVE);
        // Phi(-2) = erfc(sqrt 2) / 2 = 0.02275013194817922 (Python's math.erfc)
        assertEquals(-2 * 0.02275013194817922, new GELU().forward(Tensor.scalar(-2)).item(),
                0.05 * Tolerances.ERF_RELATIVE);
    }

    @Nested
    class TanhApproximation extends ModuleContract {
        @Override
        Module create(RandomGenerator random) {
            return GELU.tanhApproximation();
        }

        @Override
        Tensor input(RandomGenerator random) {
            return Tensor.randn(random, 3, 4).mul(2);
        }
    }
}
