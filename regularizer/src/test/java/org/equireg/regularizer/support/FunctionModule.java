package org.equireg.regularizer.support;

import java.util.function.UnaryOperator;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;

/** A parameterless module computing a fixed function. */
public final class FunctionModule extends Module {
    private final UnaryOperator<Tensor> function;

    public FunctionModule(UnaryOperator<Tensor> function) {
        this.function = function;
    }

    @Override
    public Tensor forward(Tensor input) {
        return function.apply(input);
    }
}
