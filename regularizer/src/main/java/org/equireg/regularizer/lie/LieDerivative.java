package org.equireg.regularizer.lie;

import org.equireg.core.Arguments;
import org.equireg.core.Autograd;
import org.equireg.core.GradMode;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;

/**
 * The Lie derivative of a model along a generator: how fast the model's output departs from
 * equivariance as the input is transformed by {@code T_t} for small t.
 * <pre>
 *   invariance:   L f(x) = d/dt f(T_t x)            at t = 0  =  J_f(x) tangent(x)
 *   equivariance: L f(x) = d/dt T_t^-1 f(T_t x)     at t = 0  =  J_f(x) tangent(x) - tangent(f(x))
 * </pre>
 * The first suits classifiers (the output should not move), the second models whose outputs are
 * images acted on by the same warps (the output should move along). {@code J_f(x) tangent(x)} is
 * a Jacobian-vector product ({@link Autograd#jvp}); no warp is evaluated. L f is zero for a model
 * that is exactly invariant (equivariant) under the whole family, and its size measures the
 * failure for small transforms.
 *
 * <p>{@link #apply} is differentiable with respect to the model's parameters, so
 * {@code lambda * max(0, mean ||L f(x)||^2 - epsilon)} trains (see
 * {@code TransformPair.lieInvariance}). {@link #measure} gives the metrics without a graph.
 *
 * <p>Reference: Gruver, Finzi, Goldblum, Wilson, "The Lie Derivative for Measuring Learned
 * Equivariance", ICLR 2023.
 */
public final class LieDerivative {
    private final Module model;
    private final LieGenerator generator;
    private final boolean equivariance;

    private LieDerivative(String method, Module model, LieGenerator generator, boolean equivariance) {
        this.model = Arguments.notNull(model, "LieDerivative." + method, "model");
        this.generator = Arguments.notNull(generator, "LieDerivative." + method, "generator");
        this.equivariance = equivariance;
    }

    /** {@code L f(x) = d/dt model(T_t x)} at {@code t = 0}: the output should not change. */
    public static LieDerivative invariance(Module model, LieGenerator generator) {
        return new LieDerivative("invariance", model, generator, false);
    }

    /**
     * {@code L f(x) = d/dt T_t^-1 model(T_t x)} at {@code t = 0}, for models whose outputs are
     * images of the generator's kind: the output should move as the input does.
     */
    public static LieDerivative equivariance(Module model, LieGenerator generator) {
        return new LieDerivative("equivariance", model, generator, true);
    }

    /**
     * L f(x), the shape of {@code model(x)}; differentiable with respect to the model's parameters
     * (and x). Computed with grad mode on, whatever the caller's scope, since the product needs
     * the model's graph.
     *
     * @param x the inputs {@code (batch, ...)} the generator acts on. Not modified.
     */
    @SuppressWarnings("try") // the scope acts through its lifetime, not its name
    public Tensor apply(Tensor x) {
        Arguments.notNull(x, "LieDerivative.apply", "x");
        try (GradMode.Scope ignored = GradMode.enableGrad()) {
            Tensor derivative = Autograd.jvp(model::forward, x, generator.tangent(x));
            if (!equivariance) {
                return derivative;
            }
            Tensor output = model.forward(x);
            if (output.rank() < 3) {
                throw new IllegalArgumentException("LieDerivative.apply: the equivariance form needs image outputs"
                        + " (batch, ..., height, width), but the model returned shape " + Shapes.str(output.shape())
                        + "; use LieDerivative.invariance for classifiers");
            }
            return derivative.sub(generator.tangent(output));
        }
    }

    /**
     * The size of L f on a batch, without a graph: its mean absolute entry and its mean squared
     * norm, each with its standard error over the batch (see {@link LieError}).
     *
     * @param x the inputs {@code (batch, ...)}, batch at least 1. Not modified.
     */
    public LieError measure(Tensor x) {
        Arguments.notNull(x, "LieDerivative.measure", "x");
        if (x.rank() < 1 || x.dim(0) < 1) {
            throw new IllegalArgumentException("LieDerivative.measure: needs a non-empty batch, got shape "
                    + Shapes.str(x.shape()));
        }
        return LieError.of(generator.name(), apply(x.detach()).detach());
    }

    /** The model. */
    public Module model() {
        return model;
    }

    /** The generator. */
    public LieGenerator generator() {
        return generator;
    }

    /** Whether this is the equivariance form (the output tangent subtracted). */
    public boolean isEquivariance() {
        return equivariance;
    }

    @Override
    public String toString() {
        return "Lie derivative (" + (equivariance ? "equivariance" : "invariance") + ") along " + generator;
    }
}
