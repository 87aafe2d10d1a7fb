package org.equireg.regularizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.equireg.core.GradCheck;
import org.equireg.core.Tensor;
import org.equireg.regularizer.support.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Distance} promises: {@code d(x, x) = 0}, {@code d >= 0}, one value per sample
 * (or a scalar), symmetric exactly when it says so, the triangle inequality for the built-in
 * pseudo-metrics, a zero gradient where the two sides agree (an exactly equivariant model is a
 * smooth minimum), and gradients that match finite differences.
 */
abstract class DistanceContract {
    private static final int BATCH = 4;
    private static final int FEATURES = 3;

    abstract Distance create();

    /** Whether the distance claims symmetry (and, for built-ins, the triangle inequality). */
    abstract boolean symmetric();

    /** One batch of outputs (batch 4, features 3) the distance applies to; by default standard normal. */
    Tensor outputs(long seed) {
        return Tensor.randn(new SplittableRandom(seed), BATCH, FEATURES);
    }

    @Test
    void isZeroOnEqualArguments() {
        Tensor x = outputs(1);
        for (double value : create().between(x, x.copy()).buffer()) {
            assertEquals(0.0, value);
        }
    }

    @Test
    void isNonNegativeWithOneValuePerSampleOrAScalar() {
        Tensor d = create().between(outputs(1), outputs(2));
        assertTrue(d.rank() == 0 || d.rank() == 1 && d.dim(0) == BATCH, "shape " + java.util.Arrays.toString(d.shape()));
        for (double value : d.buffer()) {
            assertTrue(value >= 0, "negative distance " + value);
        }
    }

    @Test
    void isSymmetricExactlyWhenItSaysSo() {
        Distance distance = create();
        assertEquals(symmetric(), distance.isSymmetric());
        if (symmetric()) {
            Tensor a = outputs(1);
            Tensor b = outputs(2);
            assertArrayEquals(distance.between(a, b).toArray(), distance.between(b, a).toArray());
            double[] ab = distance.between(a, b).buffer();
            double[] bc = distance.between(b, outputs(3)).buffer();
            double[] ac = distance.between(a, outputs(3)).buffer();
            for (int i = 0; i < ab.length; i++) {
                assertTrue(ac[i] <= ab[i] + bc[i] + Tolerances.ROUNDING, "triangle inequality at sample " + i);
            }
        }
    }

    /**
     * How far from an exact 0 the gradient where both sides agree may lie: 0 (exact) unless a
     * distance's formula only cancels up to rounding, which its test then explains.
     */
    double agreementGradientTolerance() {
        return 0;
    }

    /**
     * The part of a gradient the contract's zero-gradient check looks at; all of it, unless the
     * distance lives on a constrained set (probabilities) whose test says which directions count.
     */
    Tensor alongTheDomain(Tensor gradient) {
        return gradient;
    }

    @Test
    void hasZeroGradientWhereBothSidesAgree() {
        Tensor a = outputs(1).requiresGrad(true);
        Tensor b = a.copy().requiresGrad(true);
        create().between(a, b).sum().backward();
        for (Tensor grad : new Tensor[] {a.grad(), b.grad()}) {
            for (double value : alongTheDomain(grad).buffer()) {
                assertEquals(0.0, value, agreementGradientTolerance());
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Distance distance = create();
        GradCheck.standard().check(inputs -> distance.between(inputs[0], inputs[1]), outputs(1), outputs(2));
    }
}
