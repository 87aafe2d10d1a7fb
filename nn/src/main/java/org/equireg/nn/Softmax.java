package org.equireg.nn;

import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/** {@code exp(x) / sum(exp(x))} along one axis (computed stably). PyTorch: {@code torch.nn.Softmax(dim)}. */
public final class Softmax extends Module {
    private final int dim;

    /** Softmax along axis {@code dim}; negative values count from the end. */
    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Arguments.notNull(input, "Softmax.forward", "input").softmax(dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
