package org.equireg.examples.digits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One training run of the demo: which regularizer, if any, is added to the task loss.
 *
 * <p>The regularizer is the rotation-invariance one: f_out = identity, f_in drawn from
 * {rot90, rot180, rot270}, distance {@code CROSS_ENTROPY_LOGITS}; its penalty per pair is
 * {@code lambda * max(0, error - epsilon)}. Samples come from the box [0,1]^(1x8x8)
 * ({@code boxSamples} uniform draws per step), from the current training batch (its first
 * {@code batchSamples} images), or both (the two penalties add).
 *
 * @param name         short label for tables and legends
 * @param lambda       weight of each pair's penalty; 0 means no regularizer
 * @param epsilon      error below which a pair is not penalised
 * @param boxSamples   uniform samples from [0,1] per step (0: none)
 * @param batchSamples images of the training batch used as samples per step (0: none)
 * @param numFuncs     pairs drawn per step (with replacement), as the reference's {@code num_funcs}
 */
public record RunSpec(String name, double lambda, double epsilon, int boxSamples, int batchSamples, int numFuncs) {

    public RunSpec {
        if (!(lambda >= 0) || !(epsilon >= 0) || boxSamples < 0 || batchSamples < 0 || numFuncs < 1) {
            throw new IllegalArgumentException("RunSpec(" + name + "): needs lambda, epsilon, boxSamples, batchSamples >= 0 and "
                    + "numFuncs >= 1, got " + lambda + ", " + epsilon + ", " + boxSamples + ", " + batchSamples + ", " + numFuncs);
        }
    }

    /** Run 1: the task loss alone. */
    public static RunSpec baseline() {
        return new RunSpec("baseline", 0, 0, 0, 0, 1);
    }

    /** Run 2: the reference's recipe, samples drawn uniformly from the box [0,1]. */
    public static RunSpec box(double lambda, int samples) {
        return new RunSpec("box [0,1]", lambda, 0, samples, 0, 1);
    }

    /** Run 3: the same, samples taken from the training batch. */
    public static RunSpec batch(double lambda, int samples) {
        return new RunSpec("train batch", lambda, 0, 0, samples, 1);
    }

    /**
     * Run 4: the best setting {@link DigitsSweep} found on a validation split (mean accuracy over
     * the four rotations): lambda 0.1, epsilon 0.25, the 32 images of each training batch as
     * samples, all three rotations at every step. Box samples, alone or mixed in, did not help.
     */
    public static RunSpec best() {
        return new RunSpec("best", 0.1, 0.25, 0, 32, 3);
    }

    /** The four runs, in order, for the given flags. */
    public static List<RunSpec> all(double lambda, int samples) {
        return new ArrayList<>(List.of(baseline(), box(lambda, samples), batch(lambda, samples), best()));
    }

    /** True when a regularizer term is trained with. */
    public boolean regularized() {
        return lambda > 0 && boxSamples + batchSamples > 0;
    }

    /** Where the samples come from, e.g. {@code "box 32"}, {@code "batch 32"}, {@code "box 16 + batch 32"}, or "-". */
    public String sampling() {
        if (!regularized()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        if (boxSamples > 0) {
            parts.add("box " + boxSamples);
        }
        if (batchSamples > 0) {
            parts.add("batch " + batchSamples);
        }
        return String.join(" + ", parts);
    }

    /** One line for humans: lambda, epsilon, sampling, pairs per step. */
    public String describe() {
        if (!regularized()) {
            return "no regularizer";
        }
        return String.format(Locale.ROOT, "lambda %s, epsilon %s, samples %s, %d pair%s per step",
                number(lambda), number(epsilon), sampling(), numFuncs, numFuncs == 1 ? "" : "s");
    }

    /** A number without trailing zeros: 1, 0.5, 0.05. */
    static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
