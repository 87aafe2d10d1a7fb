package org.equireg.regularizer;

import org.equireg.core.Tensor;

/**
 * The Kullback-Leibler divergence per sample, {@code KL(p || q) = sum_j p_j (log p_j - log q_j)}
 * summed over every non-batch element, with p and q the softmax of logits along the last axis, or
 * given probabilities whose exact zeros are replaced by their type's smallest normal number in the
 * logarithm ({@link GuardedLog}; so {@code 0 log 0} counts 0). Gradients flow into both arguments.
 * PyTorch: {@code F.kl_div(log_q, log_p, log_target=True, reduction="none").flatten(1).sum(1)}.
 */
record KlDivergence(boolean fromLogits) implements Distance {
    @Override
    public Tensor between(Tensor a, Tensor b) {
        PerSample.requireSameShape("Distance." + this, a, b);
        Tensor logP = logProbabilities(a);
        Tensor logQ = logProbabilities(b);
        return PerSample.rows(logP.exp().mul(logP.sub(logQ))).sum(1, false);
    }

    private Tensor logProbabilities(Tensor x) {
        if (fromLogits) {
            return x.logSoftmax(-1);
        }
        return GuardedLog.of(x);
    }

    @Override
    public String toString() {
        return fromLogits ? "KL_LOGITS" : "KL";
    }
}
