package org.equireg.nn;

import org.equireg.core.Storage;

/**
 * The bias-corrected moment update shared by {@link Adam} and {@link AdamW}, in PyTorch's order of
 * operations: {@code g = gradient + l2 p}, {@code m = beta1 m + (1 - beta1) g},
 * {@code v = beta2 v + (1 - beta2) g g}, {@code p -= (lr / (1 - beta1^t)) m / (sqrt(v) / sqrt(1 - beta2^t) + eps)}.
 */
record Moments(double beta1, double beta2, double eps) {
    static final String[] STATE = {"exp_avg", "exp_avg_sq"};

    Moments(String optimizer, double beta1, double beta2, double eps) {
        this(beta1, beta2, eps);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps >= 0)) {
            throw new IllegalArgumentException(optimizer + ": needs 0 <= beta1, beta2 < 1 and eps >= 0, got beta1 = "
                    + beta1 + ", beta2 = " + beta2 + ", eps = " + eps);
        }
    }

    /** One update of {@code parameter} (Modified.) from {@code gradient} (Not modified.) with L2 coefficient {@code l2}. */
    void step(Storage parameter, Storage gradient, double l2, Optimizer.ParameterState state, double learningRate) {
        Storage mean = state.buffer("exp_avg");
        Storage meanSquare = state.buffer("exp_avg_sq");
        double stepSize = learningRate / (1 - Math.pow(beta1, state.step()));
        double correctionSqrt = Math.sqrt(1 - Math.pow(beta2, state.step()));
        for (int i = 0; i < parameter.length(); i++) {
            double g = gradient.get(i) + l2 * parameter.get(i);
            mean.set(i, beta1 * mean.get(i) + (1 - beta1) * g);
            meanSquare.set(i, beta2 * meanSquare.get(i) + (1 - beta2) * g * g);
            parameter.set(i, parameter.get(i) - stepSize * (mean.get(i) / (Math.sqrt(meanSquare.get(i)) / correctionSqrt + eps)));
        }
    }
}
