package org.equireg.nn;

import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/** {@code 1 / (1 + e^-x)} elementwise. PyTorch: {@code torch.nn.Sigmoid}. */
public final class Sigmoid extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return Arguments.notNull(input, "Sigmoid.forward", "input").sigmoid();
    }
}
