package org.equireg.regularizer;

import org.equireg.core.Tensor;

/** Per-sample p-norm of the flattened difference: {@code |flatten(a_i - b_i)|_p}. */
record LpDistance(double p) implements Distance {

    LpDistance {
        if (!(p >= 1)) {
            throw new IllegalArgumentException("Distance.lp: p must be >= 1 or infinity, got " + p);
        }
    }

    @Override
    public Tensor between(Tensor a, Tensor b) {
        PerSample.requireSameShape("Distance.lp", a, b);
        return PerSample.rows(a.sub(b)).norm(p, 1, false);
    }

    @Override
    public boolean isSymmetric() {
        return true;
    }

    @Override
    public String toString() {
        return p == 1 ? "L1" : p == 2 ? "L2" : p == Double.POSITIVE_INFINITY ? "LINF" : "lp(" + p + ")";
    }
}
