package org.equireg.regularizer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.equireg.core.Arguments;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;
import org.equireg.regularizer.lie.LieDerivative;
import org.equireg.regularizer.lie.LieGenerator;
import org.equireg.regularizer.transforms.FiniteGroup;
import org.equireg.regularizer.transforms.RandomTransform;
import org.equireg.regularizer.transforms.Transform;

/**
 * One equivariance constraint {@code (f_out, f_in, epsilon, lambda)}: the model should satisfy
 * {@code model(f_in(v)) = f_out(model(v))}, and its penalty is
 * {@code lambda * max(0, error - epsilon)} with error the mean distance between the two sides.
 *
 * <p>A fixed pair ({@link #of}) uses the same two maps every time. A shared pair ({@link #shared})
 * draws one random element per call and applies it to both sides, possibly through different
 * representations: rotate the input image by theta and the predicted 2-D vector by the same theta.
 * The reference package's three-element tuple {@code (f, epsilon, lambda)} is
 * {@code shared(f, epsilon, lambda)} with a {@link RandomTransform}.
 */
public final class TransformPair {
    private final String name;
    private final Function<RandomGenerator, Sides> sides;
    private final double epsilon;
    private final double lambda;
    private final LieGenerator lieGenerator; // null for a pair of finite transforms
    private final boolean lieEquivariance;

    /** The two maps of one draw: {@code fOut} acts on the model's outputs, {@code fIn} on its inputs. */
    public record Sides(UnaryOperator<Tensor> fOut, UnaryOperator<Tensor> fIn) {
        /** Rejects a null map. */
        public Sides {
            Arguments.notNull(fOut, "TransformPair.Sides", "fOut");
            Arguments.notNull(fIn, "TransformPair.Sides", "fIn");
        }
    }

    private TransformPair(String method, String name, Function<RandomGenerator, Sides> sides, double epsilon,
                          double lambda) {
        this(method, name, sides, epsilon, lambda, null, false);
    }

    private TransformPair(String method, String name, Function<RandomGenerator, Sides> sides, double epsilon,
                          double lambda, LieGenerator lieGenerator, boolean lieEquivariance) {
        if (!(epsilon >= 0) || epsilon == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("TransformPair." + method + ": epsilon must be finite and >= 0, got "
                    + epsilon);
        }
        if (!(lambda >= 0) || lambda == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("TransformPair." + method + ": lambda must be finite and >= 0, got "
                    + lambda);
        }
        this.name = name;
        this.sides = sides;
        this.epsilon = epsilon;
        this.lambda = lambda;
        this.lieGenerator = lieGenerator;
        this.lieEquivariance = lieEquivariance;
    }

    /**
     * The fixed pair: asks for {@code model(fIn(v)) = fOut(model(v))}.
     *
     * @param fOut acts on the model's outputs {@code (batch, ...)}
     * @param fIn acts on the model's inputs {@code (batch, ...inputShape)}
     * @param epsilon the tolerated error, at least 0
     * @param lambda the weight of the penalty, at least 0
     */
    public static TransformPair of(UnaryOperator<Tensor> fOut, UnaryOperator<Tensor> fIn, double epsilon, double lambda) {
        Arguments.notNull(fOut, "TransformPair.of", "fOut");
        Arguments.notNull(fIn, "TransformPair.of", "fIn");
        Sides fixed = new Sides(fOut, fIn);
        return new TransformPair("of", describe(fOut) + " ~ " + describe(fIn), random -> fixed, epsilon, lambda);
    }

    /** One random element {@code f} per call on both sides: asks for {@code model(f(v)) = f(model(v))}. */
    public static TransformPair shared(RandomTransform transform, double epsilon, double lambda) {
        Arguments.notNull(transform, "TransformPair.shared", "transform");
        return new TransformPair("shared", "shared " + transform, random -> {
            Transform drawn = transform.draw(random);
            return new Sides(drawn, drawn);
        }, epsilon, lambda);
    }

    /**
     * Invariance: one random element {@code g} per call on the inputs, the outputs untouched; asks
     * for {@code model(g(v)) = model(v)} (a classifier that ignores small rotations, say). A
     * {@link FiniteGroup} draws a uniform element, the identity included; a fixed {@link Transform}
     * (such as {@code Transforms.flip(-1)}) is its own only draw.
     */
    public static TransformPair invariance(RandomTransform fIn, double epsilon, double lambda) {
        Arguments.notNull(fIn, "TransformPair.invariance", "fIn");
        return new TransformPair("invariance", "invariance under " + fIn,
                random -> new Sides(UnaryOperator.identity(), fIn.draw(random)), epsilon, lambda);
    }

    /**
     * One random parameter per call, acting on both sides through two representations:
     * {@code model(fIn(theta)(v)) = fOut(theta)(model(v))} with {@code theta = parameter(random)}.
     *
     * @param parameter draws the shared parameter (an angle, a group element)
     * @param fOut the output representation of a parameter
     * @param fIn the input representation of a parameter
     */
    public static <P> TransformPair shared(Function<RandomGenerator, P> parameter,
                                           Function<? super P, ? extends UnaryOperator<Tensor>> fOut,
                                           Function<? super P, ? extends UnaryOperator<Tensor>> fIn,
                                           double epsilon, double lambda) {
        Arguments.notNull(parameter, "TransformPair.shared", "parameter");
        Arguments.notNull(fOut, "TransformPair.shared", "fOut");
        Arguments.notNull(fIn, "TransformPair.shared", "fIn");
        return new TransformPair("shared", "shared parameter", random -> {
            P drawn = parameter.apply(random);
            return new Sides(fOut.apply(drawn), fIn.apply(drawn));
        }, epsilon, lambda);
    }

    /**
     * One fixed pair per non-identity element, {@code (outputs[i], inputs[i])} for i = 1..order-1:
     * the whole orbit of a finite group acting through two corresponding representations (the
     * same group twice for plain equivariance, {@code Transforms.c4()} and
     * {@code Transforms.rotations2d(4)} for images to vectors).
     */
    public static List<TransformPair> everyElement(FiniteGroup outputs, FiniteGroup inputs, double epsilon,
                                                   double lambda) {
        if (outputs.order() != inputs.order()) {
            throw new IllegalArgumentException("TransformPair.everyElement: the groups " + outputs + " and " + inputs
                    + " have " + outputs.order() + " and " + inputs.order() + " elements");
        }
        List<TransformPair> pairs = new ArrayList<>();
        for (int i = 1; i < inputs.order(); i++) {
            pairs.add(of(outputs.elements().get(i), inputs.elements().get(i), epsilon, lambda));
        }
        return List.copyOf(pairs);
    }

    /**
     * The infinitesimal pair: the model should be invariant along {@code generator}, and the error
     * is {@code mean_i ||L f(v_i)||^2} with {@code L f = LieDerivative.invariance(model, generator)}
     * (the regularizer's distance plays no part), so the penalty is
     * {@code lambda * max(0, mean ||L f(v)||^2 - epsilon)}. It draws nothing and mixes with finite
     * pairs in one regularizer: the same points, the same train/eval policy, one row in the
     * report (whose relative error is then {@code mean ||L f||^2 / mean ||f||^2}). It needs its own
     * forward pass at v (the Jacobian-vector product), so a reused task pass does not save it.
     */
    public static TransformPair lieInvariance(LieGenerator generator, double epsilon, double lambda) {
        Arguments.notNull(generator, "TransformPair.lieInvariance", "generator");
        return new TransformPair("lieInvariance", "Lie invariance along " + generator.name(),
                random -> noSides("lieInvariance"), epsilon, lambda, generator, false);
    }

    /**
     * As {@link #lieInvariance} with {@code LieDerivative.equivariance(model, generator)}: for
     * models whose outputs are images moved by the same warps.
     */
    public static TransformPair lieEquivariance(LieGenerator generator, double epsilon, double lambda) {
        Arguments.notNull(generator, "TransformPair.lieEquivariance", "generator");
        return new TransformPair("lieEquivariance", "Lie equivariance along " + generator.name(),
                random -> noSides("lieEquivariance"), epsilon, lambda, generator, true);
    }

    private static Sides noSides(String method) {
        throw new IllegalStateException("TransformPair." + method + ": an infinitesimal pair has no finite sides to draw;"
                + " the regularizer computes its Lie derivative instead");
    }

    /** Whether this is an infinitesimal (Lie derivative) pair. */
    public boolean isLie() {
        return lieGenerator != null;
    }

    /** The Lie derivative of {@code model} this pair penalises; only for {@link #isLie()} pairs. */
    LieDerivative lieDerivative(Module model) {
        return lieEquivariance ? LieDerivative.equivariance(model, lieGenerator) : LieDerivative.invariance(model, lieGenerator);
    }

    /** This pair under another name (shown in reports and error messages). */
    public TransformPair named(String newName) {
        Arguments.notNull(newName, "TransformPair.named", "name");
        return new TransformPair("named", newName, sides, epsilon, lambda, lieGenerator, lieEquivariance);
    }

    /** The two maps to use for one call, drawn from {@code random} when the pair is random. */
    public Sides draw(RandomGenerator random) {
        return sides.apply(Arguments.notNull(random, "TransformPair.draw", "random"));
    }

    /** The tolerated error epsilon. */
    public double epsilon() {
        return epsilon;
    }

    /** The weight lambda. */
    public double lambda() {
        return lambda;
    }

    /** The name shown in reports. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name + " (epsilon " + epsilon + ", lambda " + lambda + ")";
    }


    // Built-in transforms name themselves; a lambda's toString is noise.
    private static String describe(UnaryOperator<Tensor> map) {
        String text = map.toString();
        return text.contains("$$Lambda") ? "custom" : text;
    }
}
