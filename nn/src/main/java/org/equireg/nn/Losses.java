package org.equireg.nn;

import java.util.Arrays;
import org.equireg.core.Arguments;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Loss functions, compositions of core ops written as their formulas. Unless a {@link Reduction}
 * says otherwise, each returns the mean (over elements, or over the batch for classification
 * losses) as a scalar. Inputs are not modified. Classification losses take logits or
 * log-probabilities of shape (batch, classes); they are stable for logits of any finite size
 * (1e4 and beyond). PyTorch: {@code torch.nn.functional}.
 */
public final class Losses {
    private Losses() {
    }

    // ------------------------------------------------------------------ regression

    /** Mean squared error {@code mean((input - target)^2)}; equal shapes. PyTorch: {@code mse_loss}. */
    public static Tensor mse(Tensor input, Tensor target) {
        return mse(input, target, Reduction.MEAN);
    }

    /** Squared error {@code (input - target)^2}, reduced. */
    public static Tensor mse(Tensor input, Tensor target, Reduction reduction) {
        Arguments.notNull(reduction, "mse", "reduction");
        Tensor difference = difference("mse", input, target);
        return reduction.apply(difference.mul(difference));
    }

    /** Mean absolute error {@code mean|input - target|}; the derivative at 0 is 0. PyTorch: {@code l1_loss}. */
    public static Tensor l1(Tensor input, Tensor target) {
        return l1(input, target, Reduction.MEAN);
    }

    /** Absolute error {@code |input - target|}, reduced. */
    public static Tensor l1(Tensor input, Tensor target, Reduction reduction) {
        Arguments.notNull(reduction, "l1", "reduction");
        return reduction.apply(difference("l1", input, target).abs());
    }

    /** {@link #smoothL1(Tensor, Tensor, double, Reduction)} with beta 1, mean. */
    public static Tensor smoothL1(Tensor input, Tensor target) {
        return smoothL1(input, target, 1.0, Reduction.MEAN);
    }

    /**
     * Huber-like loss of {@code d = input - target}: {@code d^2 / (2 beta)} where |d| &lt; beta, else
     * {@code |d| - beta / 2}; beta = 0 gives L1. PyTorch: {@code smooth_l1_loss}.
     */
    public static Tensor smoothL1(Tensor input, Tensor target, double beta, Reduction reduction) {
        Arguments.notNull(reduction, "smoothL1", "reduction");
        if (!(beta >= 0)) {
            throw new IllegalArgumentException("smoothL1: needs beta >= 0, got " + beta);
        }
        Tensor difference = difference("smoothL1", input, target);
        Tensor magnitude = difference.abs();
        if (beta == 0) {
            return reduction.apply(magnitude);
        }
        Tensor quadratic = difference.mul(difference).mul(0.5 / beta);
        Tensor linear = magnitude.sub(0.5 * beta);
        return reduction.apply(Tensor.where(magnitude.lt(beta), quadratic, linear));
    }

    private static Tensor difference(String loss, Tensor input, Tensor target) {
        requireSameShape(loss, input, target);
        return input.sub(target);
    }

    // ------------------------------------------------------------------ classification

    /** Mean over the batch of {@code -logSoftmax(logits)[i, labels[i]]}. PyTorch: {@code cross_entropy}. */
    public static Tensor crossEntropy(Tensor logits, int[] labels) {
        return crossEntropy(logits, labels, 0.0, Reduction.MEAN);
    }

    /**
     * Cross-entropy of (batch, classes) logits against class indices, with label smoothing e in
     * [0, 1]: per sample {@code (1 - e) (-log p[label]) + e mean_c(-log p[c])}, p = softmax(logits).
     */
    public static Tensor crossEntropy(Tensor logits, int[] labels, double labelSmoothing, Reduction reduction) {
        Arguments.notNull(reduction, "crossEntropy", "reduction");
        Arguments.notNull(logits, "crossEntropy", "logits");
        Arguments.notNull(labels, "crossEntropy", "labels");
        checkSmoothing(labelSmoothing);
        checkLogits("crossEntropy", logits); // before logSoftmax(1), whose complaint would not name the loss
        Tensor logProbabilities = logits.logSoftmax(1);
        Tensor perSample = pick("crossEntropy", logProbabilities, labels).neg();
        if (labelSmoothing > 0) {
            Tensor uniform = logProbabilities.mean(1, false).neg();
            perSample = perSample.mul(1 - labelSmoothing).add(uniform.mul(labelSmoothing));
        }
        return reduction.apply(perSample);
    }

    /**
     * Cross-entropy with targets as PyTorch reads them: a (batch) tensor of whole numbers is class
     * indices, a (batch, classes) tensor is class probabilities. Mean over the batch.
     */
    public static Tensor crossEntropy(Tensor logits, Tensor targets) {
        return crossEntropy(logits, targets, 0.0, Reduction.MEAN);
    }

    /**
     * {@link #crossEntropy(Tensor, Tensor)} with label smoothing e and a reduction. For probability
     * targets t the loss per sample is {@code -sum_c t'[c] log p[c]} with {@code t' = (1 - e) t + e / classes}.
     */
    public static Tensor crossEntropy(Tensor logits, Tensor targets, double labelSmoothing, Reduction reduction) {
        Arguments.notNull(reduction, "crossEntropy", "reduction");
        checkLogits("crossEntropy", logits);
        if (targets.rank() == 1) {
            return crossEntropy(logits, labels("crossEntropy", targets), labelSmoothing, reduction);
        }
        requireSameShape("crossEntropy", logits, targets);
        checkSmoothing(labelSmoothing);
        Tensor smoothed = labelSmoothing == 0 ? targets
                : targets.mul(1 - labelSmoothing).add(labelSmoothing / logits.dim(1));
        return reduction.apply(smoothed.mul(logits.logSoftmax(1)).sum(1, false).neg());
    }

    /** Mean over the batch of {@code -logProbabilities[i, labels[i]]}. PyTorch: {@code nll_loss}. */
    public static Tensor nll(Tensor logProbabilities, int[] labels) {
        return nll(logProbabilities, labels, Reduction.MEAN);
    }

    /** Negative log-likelihood {@code -logProbabilities[i, labels[i]]} per sample, reduced. */
    public static Tensor nll(Tensor logProbabilities, int[] labels, Reduction reduction) {
        Arguments.notNull(reduction, "nll", "reduction");
        return reduction.apply(pick("nll", logProbabilities, labels).neg());
    }

    /** {@link #binaryCrossEntropyWithLogits(Tensor, Tensor, Reduction)}, mean. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor targets) {
        return binaryCrossEntropyWithLogits(logits, targets, Reduction.MEAN);
    }

    /**
     * {@code -t log sigmoid(x) - (1 - t) log(1 - sigmoid(x))} elementwise for logits x and targets t
     * in [0, 1], computed as {@code softplus(x) - x t} with the exact, overflow-free
     * {@code softplus(x) = x [x >= 0] + log(1 + e^-|x|)}; the 0/1 mask and sign are constants, so the
     * gradient is {@code sigmoid(x) - t} everywhere, x = 0 included. PyTorch:
     * {@code binary_cross_entropy_with_logits}.
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor targets, Reduction reduction) {
        Arguments.notNull(reduction, "binaryCrossEntropyWithLogits", "reduction");
        Arguments.notNull(logits, "binaryCrossEntropyWithLogits", "logits");
        Arguments.notNull(targets, "binaryCrossEntropyWithLogits", "targets");
        requireSameShape("binaryCrossEntropyWithLogits", logits, targets);
        Tensor nonNegative = logits.lt(0.0).neg().add(1.0);        // [x >= 0]
        Tensor sign = nonNegative.mul(2.0).sub(1.0);                // so that x * sign = |x|
        Tensor softplus = logits.mul(nonNegative).add(logits.mul(sign).neg().exp().log1p());
        return reduction.apply(softplus.sub(logits.mul(targets)));
    }

    /** {@code values[i, labels[i]]} for (batch, classes) values: a (batch) tensor. */
    private static Tensor pick(String loss, Tensor values, int[] labels) {
        checkLogits(loss, values);
        Arguments.notNull(labels, loss, "labels");
        if (labels.length != values.dim(0)) {
            throw new IllegalArgumentException(loss + ": " + labels.length + " labels for a batch of " + values.dim(0)
                    + " (input shape " + Shapes.str(values.shape()) + ")");
        }
        double[] index = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= values.dim(1)) {
                throw new IllegalArgumentException(loss + ": label " + labels[i] + " at position " + i
                        + " is not a class index in [0, " + values.dim(1) + ")");
            }
            index[i] = labels[i];
        }
        return values.gather(1, Tensor.wrap(index, labels.length, 1)).squeeze(1);
    }

    /** The whole numbers of a (batch) tensor as class indices. */
    private static int[] labels(String loss, Tensor targets) {
        double[] values = targets.toArray(); // widening is exact, so a float32 target that was a whole number still is
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != Math.rint(values[i]) || Math.abs(values[i]) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(loss + ": class index " + values[i] + " at position " + i
                        + " is not a whole number");
            }
            labels[i] = (int) values[i];
        }
        return labels;
    }

    private static void checkLogits(String loss, Tensor logits) {
        if (logits.rank() != 2) {
            throw new IllegalArgumentException(loss + ": needs input (batch, classes), got shape " + Shapes.str(logits.shape())
                    + (logits.rank() == 1 ? "; for one sample, pass logits.unsqueeze(0)" : ""));
        }
    }

    private static void checkSmoothing(double labelSmoothing) {
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("crossEntropy: needs 0 <= labelSmoothing <= 1, got " + labelSmoothing);
        }
    }

    private static void requireSameShape(String loss, Tensor input, Tensor target) {
        Arguments.notNull(input, loss, "input");
        Arguments.notNull(target, loss, "target");
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException(loss + ": input shape " + Shapes.str(input.shape())
                    + " differs from target shape " + Shapes.str(target.shape()));
        }
    }
}
