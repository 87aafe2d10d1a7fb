package org.equireg.nn;

/** Every tolerance the nn tests use, in one place. */
final class Tolerances {
    /**
     * Agreement with PyTorch float64 results (forward values and gradients): |a - b| <= ABSOLUTE + RELATIVE |b|.
     * The layers agree to 1e-15 + 1e-13 |b| (measured); these leave a margin for other summation orders.
     */
    static final double GOLDEN_ABSOLUTE = 1e-14;
    /** See {@link #GOLDEN_ABSOLUTE}. */
    static final double GOLDEN_RELATIVE = 1e-12;
    /** Optimizer trajectories against PyTorch: relative, as the issue demands (<= 1e-10). */
    static final double OPTIMIZER_RELATIVE = 1e-10;
    /** erf/erfc against Python's math module: relative. */
    static final double ERF_RELATIVE = 4e-15;

    private Tolerances() {
    }
}
