package org.equireg.regularizer;

import java.util.Locale;
import org.equireg.core.Tensor;

/**
 * The distance {@code dist(a, b)} between the two sides of an equivariance pair,
 * {@code a = f_out(model(v))} and {@code b = model(f_in(v))}, both {@code (batch, ...)}.
 *
 * <p>It returns one distance per sample, shape {@code (batch)}, or a scalar (already pooled over
 * the batch); the regularizer takes the mean either way, as the reference package does with
 * {@code torch.mean(dist(t1, t2))}. Only per-sample distances give the report a standard error.
 * A custom distance is a lambda: {@code (a, b) -> a.sub(b).abs().flatten(1, -1).max(1, false)}.
 *
 * <p>The built-in distances are non-negative and zero on equal arguments; all but {@link #KL_LOGITS}
 * and {@link #KL} are also symmetric (pseudo-metrics).
 */
@FunctionalInterface
public interface Distance {

    /** The Euclidean distance of the flattened samples: the reference package's default ({@code dist=2}). */
    Distance L2 = lp(2);

    /** The sum of absolute differences. */
    Distance L1 = lp(1);

    /** The largest absolute difference. */
    Distance LINF = lp(Double.POSITIVE_INFINITY);

    /**
     * For models ending in a softmax: the L2 distance between the logarithms of the probabilities,
     * an exact zero replaced by the smallest normal number of the probabilities' type so it stays
     * finite (its gradient is 0, instead of -inf and NaN): {@code Double.MIN_NORMAL} in float64, whose
     * log is -708.4, and {@code Float.MIN_NORMAL} in float32, whose log is -87.3. So a distance
     * between a zero and a non-zero probability depends on the type: a model that puts exact zeros
     * where the other side does not measures about 8 times larger in float64 than in float32.
     * The reference's {@code "cross_entropy"}.
     */
    Distance CROSS_ENTROPY = new LogSpaceDistance(false);

    /**
     * For models that output logits: the L2 distance between {@code logSoftmax} of both along the
     * last axis. The reference's {@code "cross_entropy_logits"}.
     */
    Distance CROSS_ENTROPY_LOGITS = new LogSpaceDistance(true);

    /**
     * For models that output logits: the Kullback-Leibler divergence
     * {@code KL(softmax(a) || softmax(b)) = sum_j p_j (log p_j - log q_j)} per sample (softmax along
     * the last axis, summed over the other non-batch axes). Not symmetric: the regularizer passes
     * {@code a = f_out(model(v))}, {@code b = model(f_in(v))}. Unlike {@link #CROSS_ENTROPY_LOGITS},
     * it weighs each class by its probability, so classes the model already rules out barely count.
     * PyTorch: {@code F.kl_div(log_softmax(b), log_softmax(a), log_target=True, reduction="none").sum(-1)}.
     */
    Distance KL_LOGITS = new KlDivergence(true);

    /**
     * For models ending in a softmax: {@code KL(a || b) = sum_j a_j (log a_j - log b_j)} per sample,
     * an exact zero probability replaced by the smallest normal number of its type in the logarithm
     * ({@code Double.MIN_NORMAL} or {@code Float.MIN_NORMAL}, so {@code 0 log 0} counts 0 in both). Not symmetric. As PyTorch's, its gradient where both sides agree is
     * the constant 1 (for a) and -1 (for b) per element: orthogonal to the probability simplex, so a
     * model ending in a softmax receives zero.
     */
    Distance KL = new KlDivergence(false);

    /**
     * Distances between corresponding samples.
     *
     * @param a {@code (batch, ...)}. Not modified.
     * @param b {@code (batch, ...)}, the shape of a. Not modified.
     * @return {@code (batch)} per-sample distances, or a scalar
     */
    Tensor between(Tensor a, Tensor b);

    /** True when {@code between(a, b)} equals {@code between(b, a)}; unknown (false) for custom distances. */
    default boolean isSymmetric() {
        return false;
    }

    /**
     * The p-norm of the flattened difference of each pair of samples,
     * {@code (sum_j |a_j - b_j|^p)^(1/p)}, or the largest |a_j - b_j| for p = infinity. Its
     * gradient at a zero difference is 0 (an exactly equivariant model is a minimum, not a kink
     * with a random subgradient).
     *
     * @param p at least 1, or {@code Double.POSITIVE_INFINITY}
     */
    static Distance lp(double p) {
        return new LpDistance(p);
    }

    /**
     * The reference package's spellings: an integer or decimal p ({@code "1"}, {@code "2"},
     * {@code "3.5"}, {@code "1e2"}; not Java's {@code "2f"} or hex, and not a number past a double) for {@link #lp}, {@code "inf"} for {@link #LINF}, {@code "cross_entropy"} and
     * {@code "cross_entropy_logits"}; and {@code "kl_logits"} for {@link #KL_LOGITS}, {@code "kl"} for {@link #KL}.
     */
    static Distance parse(String spelling) {
        String key = spelling == null ? "" : spelling.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "inf":
            case "infinity":
                return LINF;
            case "cross_entropy":
                return CROSS_ENTROPY;
            case "cross_entropy_logits":
                return CROSS_ENTROPY_LOGITS;
            case "kl_logits":
                return KL_LOGITS;
            case "kl":
                return KL;
            default:
                break;
        }
        // Decimal numbers only: Double.parseDouble would also take Java's "2f", "2d" and hex, and "1e400" as infinity.
        if (!key.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
            throw new IllegalArgumentException("Distance.parse: unknown distance '" + spelling + "'; expected a decimal"
                    + " number p >= 1, \"inf\", \"cross_entropy\", \"cross_entropy_logits\", \"kl_logits\" or \"kl\"");
        }
        double p = Double.parseDouble(key);
        if (Double.isInfinite(p)) {
            throw new IllegalArgumentException("Distance.parse: '" + spelling + "' is too large for a double; write \"inf\""
                    + " for the largest absolute difference");
        }
        return lp(p);
    }
}
