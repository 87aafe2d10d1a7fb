package org.equireg.regularizer.transforms;

import java.util.Optional;
import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/** The identity element: returns its argument itself. */
final class Identity implements Transform {
    static final Identity INSTANCE = new Identity();

    private Identity() {
    }

    @Override
    public Tensor apply(Tensor batch) {
        return Arguments.notNull(batch, "identity", "batch");
    }

    @Override
    public Optional<Transform> inverse() {
        return Optional.of(this);
    }

    @Override
    public String toString() {
        return "identity";
    }
}
