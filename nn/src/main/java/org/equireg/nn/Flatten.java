package org.equireg.nn;

import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/**
 * Merges axes {@code startDim..endDim} (inclusive) into one; by default everything but the batch
 * axis: (batch, c, h, w) becomes (batch, c * h * w). PyTorch: {@code torch.nn.Flatten}.
 */
public final class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    /** Flattens axes 1..-1. */
    public Flatten() {
        this(1, -1);
    }

    /** Flattens axes {@code startDim..endDim}; negative values count from the end. */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Arguments.notNull(input, "Flatten.forward", "input").flatten(startDim, endDim);
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
