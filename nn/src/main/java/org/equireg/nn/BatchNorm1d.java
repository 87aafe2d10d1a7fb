package org.equireg.nn;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * {@link BatchNorm} of (batch, channels) or (batch, channels, length) input.
 * PyTorch: {@code torch.nn.BatchNorm1d}.
 */
public final class BatchNorm1d extends BatchNorm {

    /** PyTorch's defaults: eps 1e-5, momentum 0.1. */
    public BatchNorm1d(int channels) {
        this(channels, 1e-5, 0.1);
    }

    /** The given eps (added to the variance) and momentum (weight of the new batch in the running statistics). */
    public BatchNorm1d(int channels, double eps, double momentum) {
        super(channels, eps, momentum);
    }

    @Override
    void checkRank(Tensor input) {
        if (input.rank() != 2 && input.rank() != 3) {
            throw new IllegalArgumentException("BatchNorm1d: needs input (batch, channels) or (batch, channels, length), "
                    + "got shape " + Shapes.str(input.shape()));
        }
    }
}
