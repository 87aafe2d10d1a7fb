package org.equireg.core.golden;

import java.util.function.Function;
import org.equireg.core.Tensor;

/**
 * One golden case: the fixture's name and the equireg expression that mirrors the PyTorch one.
 *
 * @param name the fixture's file name without extension, as in the generator script
 * @param variant how this expression differs from another case of the same fixture ("" for none)
 * @param expression builds the output from the fixture's inputs and constants
 */
record GoldenCase(String name, String variant, Function<Fixture, Tensor> expression) {

    static GoldenCase of(String name, Function<Fixture, Tensor> expression) {
        return new GoldenCase(name, "", expression);
    }

    /**
     * A second expression for a fixture that another case already checks: the same function computed
     * another way (a layer and its activation as one fused primitive), against the same PyTorch values.
     */
    static GoldenCase variant(String name, String variant, Function<Fixture, Tensor> expression) {
        return new GoldenCase(name, variant, expression);
    }

    @Override
    public String toString() {
        return variant.isEmpty() ? name : name + " (" + variant + ")";
    }
}
