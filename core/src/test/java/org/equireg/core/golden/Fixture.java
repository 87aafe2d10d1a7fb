package org.equireg.core.golden;

import java.util.Map;
import org.equireg.core.Tensor;

/**
 * The operands of one golden case: differentiable inputs {@code input0, input1, ...} as leaves that
 * require gradients, and non-differentiable constants ({@code index}, {@code mask}) by name.
 */
final class Fixture {
    private final String name;
    private final Tensor[] inputs;
    private final Map<String, Tensor> tensors;

    Fixture(String name, Tensor[] inputs, Map<String, Tensor> tensors) {
        this.name = name;
        this.inputs = inputs;
        this.tensors = tensors;
    }

    /** Differentiable input {@code k}. */
    Tensor input(int k) {
        if (k >= inputs.length) {
            throw new IllegalArgumentException(name + ": the fixture has " + inputs.length + " inputs, asked for input"
                    + k);
        }
        return inputs[k];
    }

    /** The number of differentiable inputs. */
    int inputCount() {
        return inputs.length;
    }

    /** A non-differentiable operand stored under {@code key}. */
    Tensor constant(String key) {
        Tensor constant = tensors.get(key);
        if (constant == null) {
            throw new IllegalArgumentException(name + ": the fixture has no tensor '" + key + "'");
        }
        return constant;
    }
}
