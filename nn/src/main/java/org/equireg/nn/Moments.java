package org.equireg.nn;

import org.equireg.core.Storage;
import org.equireg.core.Tensor;

/**
 * The bias-corrected moment update shared by {@link Adam} and {@link AdamW}, in PyTorch's order of
 * operations: {@code g = gradient + l2 p}, {@code m = beta1 m + (1 - beta1) g},
 * {@code v = beta2 v + (1 - beta2) g g}, {@code p -= (lr / (1 - beta1^t)) m / (sqrt(v) / sqrt(1 - beta2^t) + eps)}.
 */
final class Moments {
    static final String[] STATE = {"exp_avg", "exp_avg_sq"};
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final UpdateBlocks blocks = new UpdateBlocks(4);

    Moments(String optimizer, double beta1, double beta2, double eps) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps >= 0)) {
            throw new IllegalArgumentException(optimizer + ": needs 0 <= beta1, beta2 < 1 and eps >= 0, got beta1 = "
                    + beta1 + ", beta2 = " + beta2 + ", eps = " + eps);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    /**
     * Why loaded values of {@code buffer} cannot be used, beyond {@link Optimizer#invalidBuffer}'s
     * finiteness, or null: {@code exp_avg_sq} is a mean of squares, and a negative one would make
     * its square root NaN on the next step.
     */
    static String invalidBuffer(String buffer, Tensor values) {
        if (!buffer.equals("exp_avg_sq")) {
            return null;
        }
        double[] all = values.toArray();
        for (int i = 0; i < all.length; i++) {
            if (all[i] < 0) {
                return "element " + i + " is " + all[i] + ", a mean of squares must be >= 0";
            }
        }
        return null;
    }

    /**
     * One update of {@code parameter} (Modified.) from {@code gradient} (Not modified.) with L2 coefficient
     * {@code l2}, after multiplying the parameter by {@code shrink} (AdamW's decoupled decay; 1 for none).
     */
    void step(Storage parameter, Storage gradient, double l2, double shrink, Optimizer.ParameterState state,
              double learningRate) {
        Storage mean = state.buffer("exp_avg");
        Storage meanSquare = state.buffer("exp_avg_sq");
        double stepSize = learningRate / (1 - Math.pow(beta1, state.step()));
        double correctionSqrt = Math.sqrt(1 - Math.pow(beta2, state.step()));
        for (int start = 0; start < parameter.length(); start += UpdateBlocks.SIZE) {
            int length = Math.min(UpdateBlocks.SIZE, parameter.length() - start);
            blocks.begin(parameter.dtype(), start);
            int at = blocks.at();
            blocks.load(0, parameter, start, length);
            blocks.load(1, gradient, start, length);
            blocks.load(2, mean, start, length);
            blocks.load(3, meanSquare, start, length);
            double[] p = blocks.array(0);
            double[] g = blocks.array(1);
            double[] m = blocks.array(2);
            double[] v = blocks.array(3);
            if (shrink != 1) {
                for (int i = 0; i < length; i++) {
                    p[at + i] = p[at + i] * shrink;
                }
                blocks.roundAsStored(0, parameter, start, length);
            }
            for (int i = 0; i < length; i++) {
                double decayed = g[at + i] + l2 * p[at + i];
                m[at + i] = beta1 * m[at + i] + (1 - beta1) * decayed;
                v[at + i] = beta2 * v[at + i] + (1 - beta2) * decayed * decayed;
            }
            blocks.roundAsStored(2, mean, start, length);
            blocks.roundAsStored(3, meanSquare, start, length);
            for (int i = 0; i < length; i++) {
                p[at + i] = p[at + i] - stepSize * (m[at + i] / (Math.sqrt(v[at + i]) / correctionSqrt + eps));
            }
            blocks.store(0, parameter, start, length);
        }
    }
}
