package org.equireg.regularizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.equireg.core.Tensor;
import org.equireg.regularizer.support.Tolerances;
import org.junit.jupiter.api.Test;

/** KL(a || b) between probabilities: the contract on softmax outputs, and zero probabilities. */
class KlDistanceTest extends DistanceContract {
    @Override
    Distance create() {
        return Distance.KL;
    }

    @Override
    boolean symmetric() {
        return false;
    }

    @Override
    Tensor outputs(long seed) {
        return super.outputs(seed).softmax(-1);
    }

    /**
     * Between probabilities the gradient at agreement is the constant +1 (for a) and -1 (for b) per
     * element, as PyTorch's: orthogonal to the probability simplex, so a model ending in a softmax
     * receives zero. The check looks at the part along the simplex: the gradient minus its row mean.
     */
    @Override
    Tensor alongTheDomain(Tensor gradient) {
        return gradient.sub(gradient.mean(-1, true));
    }

    /** The product rule's {@code a * (1 / a)} rounds to 1 within an ulp, not always exactly. */
    @Override
    double agreementGradientTolerance() {
        return Tolerances.ROUNDING;
    }

    @Test
    void zeroProbabilitiesCountZeroOnTheLeftAndStayFiniteOnTheRight() {
        Tensor p = Tensor.of(new double[] {0.5, 0.5, 0}, 1, 3);
        Tensor q = Tensor.of(new double[] {0.25, 0.75, 0}, 1, 3);
        double expected = 0.5 * Math.log(0.5 / 0.25) + 0.5 * Math.log(0.5 / 0.75);
        assertEquals(expected, Distance.KL.between(p, q).item(), 1e-15);
        Tensor zeroOnTheRight = Distance.KL.between(q, Tensor.of(new double[] {1, 0, 0}, 1, 3));
        assertTrue(Double.isFinite(zeroOnTheRight.item()) && zeroOnTheRight.item() > 500, "" + zeroOnTheRight.item());
    }

    @Test
    void parsesBothSpellings() {
        assertEquals(Distance.KL, Distance.parse(" KL "));
        assertEquals(Distance.KL_LOGITS, Distance.parse("kl_logits"));
        assertEquals("KL_LOGITS", Distance.KL_LOGITS.toString());
    }
}
