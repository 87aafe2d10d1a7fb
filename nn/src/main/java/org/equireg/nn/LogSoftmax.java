package org.equireg.nn;

import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/** {@code x - logSumExp(x)} along one axis. PyTorch: {@code torch.nn.LogSoftmax(dim)}. */
public final class LogSoftmax extends Module {
    private final int dim;

    /** Log-softmax along axis {@code dim}; negative values count from the end. */
    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Arguments.notNull(input, "LogSoftmax.forward", "input").logSoftmax(dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
