package org.equireg.regularizer.support;

/** Every tolerance of the regularizer's tests, named, in one place. */
public final class Tolerances {
    /** Exactness: an equivariant-by-construction model's error (rounding only). */
    public static final double EXACT = 1e-12;
    /** Golden values and gradients against PyTorch, relative. */
    public static final double GOLDEN_RELATIVE = 1e-10;
    /** Two float64 evaluations of one formula in a different summation order. */
    public static final double ROUNDING = 1e-13;
    /** Monte Carlo estimates lie within this many standard errors of the exact value. */
    public static final double STANDARD_ERRORS = 4;
    /** A generic (not equivariant) model's error must exceed this. */
    public static final double CLEARLY_POSITIVE = 1e-3;

    private Tolerances() {
    }
}
