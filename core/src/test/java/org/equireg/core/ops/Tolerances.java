package org.equireg.core.ops;

import org.equireg.core.GradCheck;

/**
 * Every tolerance of the op tests, named, in one place. The bar is {@link #STANDARD}
 * (PyTorch's float64 gradcheck defaults); the tables use a tighter one that the rounding floor of
 * central differences allows. None is ever looser than the bar.
 */
public final class Tolerances {
    private Tolerances() {
    }

    /** PyTorch's float64 gradcheck: eps 1e-6, atol 1e-5, rtol 1e-3. */
    public static final GradCheck STANDARD = GradCheck.standard();

    /**
     * The tables' checker: 100 times tighter than the bar in atol, 1000 times in rtol. At the
     * tables' points (values of order 1, clear of kinks, ties and poles) the truncation error of
     * central differences, eps^2 f'''/6, is about 1e-12, and the rounding floor, about
     * sqrt(n) 1e-16 S / eps for an upstream projection S of n outputs, reaches a few 1e-8 for the
     * largest element-by-element cases (conv2d, S near 100).
     */
    public static final GradCheck TIGHT = tighter(1e-7, 1e-6);

    /**
     * {@link #TIGHT} with the step 2^-16 instead of 1e-6, for {@link GradCase#dyadic} cases whose
     * function rounds through float32 (the step and the points are floats, so the rounding is exact).
     */
    public static final GradCheck DYADIC = new GradCheck(0x1p-16, TIGHT.absoluteTolerance(),
            TIGHT.relativeTolerance(), TIGHT.seed());

    /** Directions for the random-projection check of large inputs. */
    public static final int FAST_DIRECTIONS = 4;

    /** Values that must match exactly (as numbers, so -0.0 equals 0.0): movement ops, conventions at kinks. */
    public static final double EXACT = 0.0;

    /** A few units in the last place, relative, for values computed by a different but exact-in-theory route. */
    public static final double FEW_ULPS = 4 * Math.ulp(1.0);

    private static GradCheck tighter(double absoluteTolerance, double relativeTolerance) {
        GradCheck bar = STANDARD;
        if (absoluteTolerance > bar.absoluteTolerance() || relativeTolerance > bar.relativeTolerance()) {
            throw new IllegalStateException("a test tolerance may not be looser than GradCheck.standard()");
        }
        return new GradCheck(bar.epsilon(), absoluteTolerance, relativeTolerance, bar.seed());
    }
}
