package org.equireg.regularizer.transforms;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/**
 * A batched, differentiable map acting on every sample of a batch {@code (batch, ...)} alike: the
 * action of one element of a group or semigroup. The result is a new tensor (the input is not
 * modified) with the batch axis unchanged; gradients flow from the result back to the input.
 *
 * <p>Laws: {@code t.then(u)} acts as {@code u(t(x))}; where {@link #inverse()} is present,
 * {@code t.then(t.inverse().get())} acts as the identity (exactly, up to floating-point rounding
 * of arithmetic transforms). {@code toString()} names the transform in reports.
 *
 * <p>A transform is also a {@link RandomTransform} whose every draw is itself, so a fixed transform
 * goes wherever a random one does: {@code TransformPair.invariance(Transforms.flip(-1), 0, 1)}.
 */
@FunctionalInterface
public interface Transform extends UnaryOperator<Tensor>, RandomTransform {

    /**
     * Applies the action to every sample.
     *
     * @param batch {@code (batch, ...)}. Not modified.
     * @return {@code (batch, ...)}, a new tensor
     */
    @Override
    Tensor apply(Tensor batch);

    /** This transform, whatever the generator (a point mass); {@code random} is not used. */
    @Override
    default Transform draw(RandomGenerator random) {
        return this;
    }

    /** The inverse action, when this element has one (group elements); empty for semigroup elements. */
    default Optional<Transform> inverse() {
        return Optional.empty();
    }

    /** {@code after} applied to the result of this: the composition {@code after ∘ this}. */
    default Transform then(Transform after) {
        return Composition.of(this, Arguments.notNull(after, "Transform.then", "after"));
    }
}
