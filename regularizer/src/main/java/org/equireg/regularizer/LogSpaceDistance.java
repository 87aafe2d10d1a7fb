package org.equireg.regularizer;

import org.equireg.core.Tensor;

/**
 * The L2 distance between log-probabilities: {@code logSoftmax} of logits along the last axis, or
 * the logarithm of probabilities with exact zeros replaced by their type's smallest normal number
 * ({@link GuardedLog}; negative
 * "probabilities" still give NaN, which the regularizer reports with the pair's name).
 */
record LogSpaceDistance(boolean fromLogits) implements Distance {
    @Override
    public Tensor between(Tensor a, Tensor b) {
        String name = fromLogits ? "Distance.CROSS_ENTROPY_LOGITS" : "Distance.CROSS_ENTROPY";
        PerSample.requireSameShape(name, a, b);
        return PerSample.rows(logProbabilities(a).sub(logProbabilities(b))).norm(2, 1, false);
    }

    private Tensor logProbabilities(Tensor x) {
        if (fromLogits) {
            return x.logSoftmax(-1);
        }
        return GuardedLog.of(x);
    }

    @Override
    public boolean isSymmetric() {
        return true;
    }

    @Override
    public String toString() {
        return fromLogits ? "CROSS_ENTROPY_LOGITS" : "CROSS_ENTROPY";
    }
}
