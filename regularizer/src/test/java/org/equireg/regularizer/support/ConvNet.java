package org.equireg.regularizer.support;

import org.equireg.core.Tensor;
import org.equireg.nn.Module;

/** {@code Conv - tanh - Conv} with PyTorch Sequential state-dict names ("0.weight", ..., "2.bias"). */
public final class ConvNet extends Module {
    private final Conv first;
    private final Conv second;

    public ConvNet(Conv first, Conv second) {
        this.first = registerModule("0", first);
        this.second = registerModule("2", second);
    }

    @Override
    public Tensor forward(Tensor input) {
        return second.forward(first.forward(input).tanh());
    }
}
