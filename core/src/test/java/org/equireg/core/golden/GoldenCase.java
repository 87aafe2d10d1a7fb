package org.equireg.core.golden;

import java.util.function.Function;
import org.equireg.core.Tensor;

/**
 * One golden case: the fixture's name and the equireg expression that mirrors the PyTorch one.
 *
 * @param name the fixture's file name without extension, as in the generator script
 * @param expression builds the output from the fixture's inputs and constants
 */
record GoldenCase(String name, Function<Fixture, Tensor> expression) {

    static GoldenCase of(String name, Function<Fixture, Tensor> expression) {
        return new GoldenCase(name, expression);
    }

    @Override
    public String toString() {
        return name;
    }
}
