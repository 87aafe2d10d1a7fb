package org.equireg.regularizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.equireg.core.DType;
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

    /**
     * A zero probability on the left counts 0 in float32 too, also when float32 is the default type:
     * the guard of log 0 is the smallest normal float, not Double.MIN_NORMAL rounded to 0 (which made
     * {@code 0 * log 0} NaN).
     */
    @Test
    void zeroProbabilitiesCountZeroInFloat32AndUnderAFloat32Default() {
        double expected = 0.5 * Math.log(0.5 / 0.25);
        float[] p = {0.5f, 0.5f, 0};
        float[] q = {0.25f, 0.5f, 0.25f};
        Tensor kl32 = Distance.KL.between(Tensor.of(p, 1, 3), Tensor.of(q, 1, 3));
        assertEquals(expected, kl32.item(), 1e-7, "float32");
        DType before = Tensor.defaultDtype();
        Tensor.setDefaultDtype(DType.FLOAT32);
        try {
            Tensor kl64 = Distance.KL.between(Tensor.of(new double[] {0.5, 0.5, 0}, 1, 3),
                    Tensor.of(new double[] {0.25, 0.5, 0.25}, 1, 3));
            assertEquals(expected, kl64.item(), 1e-15, "float64 under a float32 default");
        } finally {
            Tensor.setDefaultDtype(before);
        }
    }

    @Test
    void parsesBothSpellings() {
        assertEquals(Distance.KL, Distance.parse(" KL "));
        assertEquals(Distance.KL_LOGITS, Distance.parse("kl_logits"));
        assertEquals("KL_LOGITS", Distance.KL_LOGITS.toString());
    }
}
