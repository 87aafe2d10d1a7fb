package org.equireg.regularizer.lie;

import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/** {@code T_t x = x e^t}: every intensity scaled alike, so the tangent is the input itself. */
final class Brightness implements LieGenerator {
    @Override
    public Tensor tangent(Tensor x) {
        // an op rather than x itself, so that the tangent is a tensor of its own in the graph
        return Arguments.notNull(x, "LieGenerator.brightness.tangent", "x").mul(1.0);
    }

    @Override
    public String name() {
        return "brightness";
    }

    @Override
    public String toString() {
        return "brightness generator (x e^t)";
    }
}
