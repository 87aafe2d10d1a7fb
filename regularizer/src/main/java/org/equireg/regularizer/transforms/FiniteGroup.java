package org.equireg.regularizer.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/**
 * A finite group acting on batches, given by the list of all its elements (the identity first).
 * As a {@link RandomTransform} it draws an element uniformly.
 *
 * <p>Two groups whose element lists correspond (the i-th elements are images of the same abstract
 * element, as {@link Transforms#c4()} on images and {@link Transforms#rotations2d(int)} on vectors)
 * make the pairs of an equivariance constraint element by element.
 */
public interface FiniteGroup extends RandomTransform {

    /** Every element, the identity first; an immutable list. */
    List<Transform> elements();

    /** The number of elements. */
    default int order() {
        return elements().size();
    }

    /** A uniformly drawn element. */
    @Override
    default Transform draw(RandomGenerator random) {
        return elements().get(Arguments.notNull(random, "FiniteGroup.draw", "random").nextInt(order()));
    }

    /**
     * The orbit {@code [g x for g in elements()]}, in element order.
     *
     * @param batch {@code (batch, ...)}. Not modified.
     */
    default List<Tensor> orbit(Tensor batch) {
        Arguments.notNull(batch, "FiniteGroup.orbit", "batch");
        List<Tensor> images = new ArrayList<>(order());
        for (Transform element : elements()) {
            images.add(element.apply(batch));
        }
        return images;
    }

    /**
     * The group with the given elements.
     *
     * @param name shown by {@code toString()}
     * @param elements every element, the identity first. Not modified (copied).
     */
    static FiniteGroup of(String name, List<? extends Transform> elements) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("FiniteGroup.of(" + name + "): needs at least the identity");
        }
        return new ListedGroup(name, List.copyOf(elements));
    }
}
