package org.equireg.regularizer.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equireg.core.Tensor;

/**
 * {@code steps} applied in order: {@code apply(x) = s_k(... s_2(s_1(x)))}. The inverse, when every
 * step has one, is the inverses in reverse order.
 */
record Composition(List<Transform> steps) implements Transform {

    /** {@code first} then {@code second}, flattening nested compositions. */
    static Transform of(Transform first, Transform second) {
        List<Transform> steps = new ArrayList<>();
        addFlattened(steps, first);
        addFlattened(steps, second);
        return new Composition(List.copyOf(steps));
    }

    /** All {@code steps} in order; the identity when there are none. */
    static Transform of(List<? extends Transform> steps) {
        List<Transform> flattened = new ArrayList<>();
        steps.forEach(step -> addFlattened(flattened, step));
        return flattened.isEmpty() ? Identity.INSTANCE : new Composition(List.copyOf(flattened));
    }

    private static void addFlattened(List<Transform> into, Transform step) {
        if (step instanceof Composition composition) {
            into.addAll(composition.steps);
        } else {
            into.add(step);
        }
    }

    @Override
    public Tensor apply(Tensor batch) {
        Tensor result = batch;
        for (Transform step : steps) {
            result = step.apply(result);
        }
        return result;
    }

    @Override
    public Optional<Transform> inverse() {
        List<Transform> inverses = new ArrayList<>();
        for (int i = steps.size() - 1; i >= 0; i--) {
            Optional<Transform> inverse = steps.get(i).inverse();
            if (inverse.isEmpty()) {
                return Optional.empty();
            }
            inverses.add(inverse.get());
        }
        return Optional.of(of(inverses));
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        steps.forEach(step -> names.add(step.toString()));
        return String.join(" then ", names);
    }
}
