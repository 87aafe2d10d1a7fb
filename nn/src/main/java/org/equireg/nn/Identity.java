package org.equireg.nn;

import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/** Returns its input unchanged (the same tensor). PyTorch: {@code torch.nn.Identity}. */
public final class Identity extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return Arguments.notNull(input, "Identity.forward", "input");
    }
}
