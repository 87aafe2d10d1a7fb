package org.equireg.regularizer.support;

import org.equireg.core.Tensor;
import org.equireg.nn.Module;

/**
 * The C4 average {@code (1/4) sum_k r^-k(base(r^k x))} of an image-to-image model over the quarter
 * turns r: equivariant under rot90 by construction (r permutes the terms of the sum).
 */
public final class C4Averaged extends Module {
    private final Module base;

    public C4Averaged(Module base) {
        this.base = registerModule("base", base);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor sum = null;
        for (int k = 0; k < 4; k++) {
            Tensor term = base.forward(input.rot90(k, -2, -1)).rot90(-k, -2, -1);
            sum = sum == null ? term : sum.add(term);
        }
        return sum.div(4);
    }
}
