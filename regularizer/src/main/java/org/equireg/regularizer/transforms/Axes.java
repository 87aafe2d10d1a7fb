package org.equireg.regularizer.transforms;

import org.equireg.core.Arguments;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/** Axis checks shared by the transforms: axis 0 of a batch is the batch and stays untouched. */
final class Axes {
    private Axes() {
    }

    /** {@code axis} of {@code batch} as a non-negative index; rejects the batch axis and out-of-range axes. */
    static int sampleAxis(String transform, int axis, Tensor batch) {
        int rank = Arguments.notNull(batch, transform, "batch").rank();
        if (rank < 2) {
            throw new IllegalArgumentException(transform + ": needs a batch (batch, ...) of rank >= 2, got shape "
                    + Shapes.str(batch.shape()));
        }
        int normalized = Shapes.normalizeAxis(transform, axis, rank);
        if (normalized == 0) {
            throw new IllegalArgumentException(transform + ": axis " + axis + " is the batch axis of shape "
                    + Shapes.str(batch.shape()) + "; transforms act on the samples, not across them");
        }
        return normalized;
    }

    /** Checks that a batch has at least the two trailing spatial axes {@code (batch, ..., height, width)}. */
    static void requireImages(String transform, Tensor batch) {
        if (Arguments.notNull(batch, transform, "batch").rank() < 3) {
            throw new IllegalArgumentException(transform + ": needs images (batch, ..., height, width), got shape "
                    + Shapes.str(batch.shape()));
        }
    }
}
