package org.equireg.examples.digits;

import org.equireg.core.Tensor;

/** A term added to the task loss at each training step; {@link #NONE} for the baseline. */
@FunctionalInterface
public interface Penalty {
    /** No penalty: the trainer then adds nothing to the loss. */
    Penalty NONE = batchInputs -> null;

    /**
     * The penalty for this step, a scalar in the autodiff graph, or {@code null} for none.
     *
     * @param batchInputs the step's training images (batch, 1, 8, 8); not modified
     */
    Tensor at(Tensor batchInputs);
}
