package org.equireg.nn;

import org.equireg.core.Arguments;
import org.equireg.core.Primitive;
import org.equireg.core.Tensor;
import org.equireg.core.Storage;

/**
 * The standard normal distribution function {@code Phi(x) = erfc(-x / sqrt(2)) / 2} elementwise,
 * a small custom op (core has no erf). Derivative: the density {@code phi(x) = e^(-x^2/2) / sqrt(2 pi)}.
 * Evaluated through erfc, so the lower tail keeps its relative accuracy (PyTorch's
 * {@code (1 + erf(x / sqrt(2))) / 2} loses it below about x = -3).
 */
public final class NormalCdf {
    private static final double SQRT_HALF = 0.7071067811865476;
    private static final double ONE_OVER_SQRT_TWO_PI = 0.3989422804014327;

    private NormalCdf() {
    }

    /** Records {@code Phi(x)}, computed in double and rounded once to x's type. */
    public static Tensor apply(Tensor x) {
        double[] values = Arguments.notNull(x, "NormalCdf.apply", "x").toArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.5 * Erf.erfc(-values[i] * SQRT_HALF);
        }
        return Tensor.fromOp(Op.NORMAL_CDF, Storage.fromDoubles(values, x.dtype()), x.shape(),
                (saved, grad) -> new Tensor[] {density(saved.input(0)).mul(grad)}, x);
    }

    /** Records {@code phi(x)}, differentiable (so Phi is to any order). */
    static Tensor density(Tensor x) {
        return x.mul(x).mul(-0.5).exp().mul(ONE_OVER_SQRT_TWO_PI);
    }

    /** The custom primitive's identity. */
    enum Op implements Primitive {
        NORMAL_CDF;

        @Override
        public String opName() {
            return "normalCdf";
        }
    }

    /** {@code phi(x) = e^(-x^2/2) / sqrt(2 pi)}. */
    public static double density(double x) {
        return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * x * x);
    }
}
