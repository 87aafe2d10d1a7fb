package org.equireg.regularizer;

import java.util.Arrays;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/** Shape checks and per-sample flattening shared by the built-in distances. */
final class PerSample {
    private PerSample() {
    }

    /** Throws unless a and b are non-empty batches {@code (batch, ...)} of one shape. */
    static void requireSameShape(String method, Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape(), b.shape()) || a.rank() < 1 || a.dim(0) < 1) {
            throw new IllegalArgumentException(method + ": needs two non-empty batches (batch, ...) of one shape, got "
                    + Shapes.str(a.shape()) + " and " + Shapes.str(b.shape()));
        }
    }

    /** A batch {@code (batch, ...)} as {@code (batch, features)}. */
    static Tensor rows(Tensor batch) {
        return batch.reshape(batch.dim(0), batch.size() / batch.dim(0));
    }
}
