package org.equireg.regularizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.equireg.core.Tensor;
import org.equireg.regularizer.support.Tolerances;
import org.junit.jupiter.api.Test;

/** KL(softmax(a) || softmax(b)): the contract (not symmetric), and the property the study relies on. */
class KlLogitsDistanceTest extends DistanceContract {
    @Override
    Distance create() {
        return Distance.KL_LOGITS;
    }

    @Override
    boolean symmetric() {
        return false;
    }

    /**
     * d KL / d a_k = p_k (1 - sum_j p_j) at agreement: zero in exact arithmetic, but the rounded
     * probabilities sum to 1 only within a few ulps, which leaves about 1e-17.
     */
    @Override
    double agreementGradientTolerance() {
        return Tolerances.ROUNDING;
    }

    @Test
    void isNotSymmetric() {
        Tensor a = outputs(1);
        Tensor b = outputs(2);
        assertNotEquals(Distance.KL_LOGITS.between(a, b).get(0), Distance.KL_LOGITS.between(b, a).get(0));
    }

    @Test
    void ignoresClassesBothSidesRuleOut() {
        // Two classes the model rules out (logits -30 and -60 versus 0): their log-probabilities differ
        // by 30, which dominates the L2 distance of log-softmax vectors, while KL weighs them by
        // their probability (about e^-30) and sees almost nothing.
        Tensor a = Tensor.of(new double[] {0, -30, -30}, 1, 3);
        Tensor b = Tensor.of(new double[] {0, -30, -60}, 1, 3);
        assertEquals(30, Distance.CROSS_ENTROPY_LOGITS.between(a, b).item(), 1e-9);
        // log p - log q = (lse(b) - lse(a)) + (0, 0, 30) with lse(a) = 2e^-30, lse(b) = e^-30 to first
        // order, so KL = -e^-30 + 30 p_3 = 29 e^-30; the log-sum-exps near 0 carry an absolute
        // rounding of a few 1e-17 (log1p of about 1e-13 computed from 1 + 1e-13), hence the absolute bound
        assertEquals(29 * Math.exp(-30), Distance.KL_LOGITS.between(a, b).item(), 1e-15);
    }

    @Test
    void sumsOverEveryNonBatchAxis() {
        Tensor a = Tensor.randn(new java.util.SplittableRandom(3), 2, 3, 4);
        Tensor b = Tensor.randn(new java.util.SplittableRandom(4), 2, 3, 4);
        Tensor whole = Distance.KL_LOGITS.between(a, b);
        double first = 0;
        for (int row = 0; row < 3; row++) {
            first += Distance.KL_LOGITS.between(a.slice(1, row, row + 1).reshape(2, 4), b.slice(1, row, row + 1).reshape(2, 4)).get(0);
        }
        assertEquals(first, whole.get(0), 1e-14);
    }
}
