package org.equireg.nn;

import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/** {@code max(x, 0)} elementwise; the derivative at 0 is 0. PyTorch: {@code torch.nn.ReLU}. */
public final class ReLU extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return Arguments.notNull(input, "ReLU.forward", "input").relu();
    }
}
