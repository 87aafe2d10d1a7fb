package org.equireg.nn;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/** {@link BatchNorm} of (batch, channels, height, width) input. PyTorch: {@code torch.nn.BatchNorm2d}. */
public final class BatchNorm2d extends BatchNorm {

    /** PyTorch's defaults: eps 1e-5, momentum 0.1. */
    public BatchNorm2d(int channels) {
        this(channels, 1e-5, 0.1);
    }

    /** The given eps (added to the variance) and momentum (weight of the new batch in the running statistics). */
    public BatchNorm2d(int channels, double eps, double momentum) {
        super(channels, eps, momentum);
    }

    @Override
    void checkRank(Tensor input) {
        if (input.rank() != 4) {
            throw new IllegalArgumentException("BatchNorm2d: needs input (batch, channels, height, width), got shape "
                    + Shapes.str(input.shape()));
        }
    }
}
