package org.equireg.nn;

import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/** Hyperbolic tangent elementwise. PyTorch: {@code torch.nn.Tanh}. */
public final class Tanh extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return Arguments.notNull(input, "Tanh.forward", "input").tanh();
    }
}
