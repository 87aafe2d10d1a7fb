package org.equireg.nn;

import org.equireg.core.Tensor;

/** How a loss combines its per-element (or per-sample) values. PyTorch: the {@code reduction} argument. */
public enum Reduction {
    /** The mean, a scalar (the default). */
    MEAN,
    /** The sum, a scalar. */
    SUM,
    /** No reduction: the per-element (or per-sample) losses. */
    NONE;

    /** Applies this reduction to {@code losses}. */
    Tensor apply(Tensor losses) {
        switch (this) {
            case MEAN:
                return losses.mean();
            case SUM:
                return losses.sum();
            default:
                return losses;
        }
    }
}
