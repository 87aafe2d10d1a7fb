package org.equireg.regularizer.lie;

import java.util.function.DoubleFunction;
import org.equireg.core.Tensor;
import org.equireg.regularizer.transforms.Transform;

/**
 * Central finite differences of a family of warps, {@code (T_h x - T_-h x) / 2h}, with one
 * Richardson step. At the identity the warps are piecewise smooth in t (bilinear interpolation
 * switches cells at t = 0), so the plain central difference is only first-order accurate: its
 * error is {@code h (c+ - c-) / 2} from the different curvatures on both sides. Combining steps h
 * and h / 2 cancels that term, leaving O(h^2).
 */
final class WarpDifferences {
    static final double STEP = 1e-4;

    private WarpDifferences() {
    }

    /** The Richardson-extrapolated central difference of {@code t -> family(t).apply(x)} at 0. */
    static Tensor at(DoubleFunction<Transform> family, Tensor x) {
        Tensor coarse = central(family, x, STEP);
        Tensor fine = central(family, x, STEP / 2);
        return fine.mul(2).sub(coarse);
    }

    private static Tensor central(DoubleFunction<Transform> family, Tensor x, double h) {
        return family.apply(h).apply(x).sub(family.apply(-h).apply(x)).div(2 * h);
    }
}
