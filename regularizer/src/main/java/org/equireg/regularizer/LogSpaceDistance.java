package org.equireg.regularizer;

import org.equireg.core.Tensor;

/**
 * The L2 distance between log-probabilities: {@code logSoftmax} of logits along the last axis, or
 * the logarithm of probabilities clamped below at {@code Double.MIN_NORMAL}.
 */
record LogSpaceDistance(boolean fromLogits) implements Distance {

    @Override
    public Tensor between(Tensor a, Tensor b) {
        String name = fromLogits ? "Distance.CROSS_ENTROPY_LOGITS" : "Distance.CROSS_ENTROPY";
        PerSample.requireSameShape(name, a, b);
        return PerSample.rows(logProbabilities(a).sub(logProbabilities(b))).norm(2, 1, false);
    }

    private Tensor logProbabilities(Tensor x) {
        return fromLogits ? x.logSoftmax(-1) : x.clamp(Double.MIN_NORMAL, Double.POSITIVE_INFINITY).log();
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
