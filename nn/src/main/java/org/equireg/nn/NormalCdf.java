package org.equireg.nn;

import org.equireg.core.Arguments;
import org.equireg.core.DType;
import org.equireg.core.Tensor;

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

    /** Records {@code Phi(x)}. */
    public static Tensor apply(Tensor x) {
        if (Arguments.notNull(x, "NormalCdf.apply", "x").dtype() == DType.FLOAT32) {
            return float32(x);
        }
        double[] in = x.buffer();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = 0.5 * Erf.erfc(-in[i] * SQRT_HALF);
        }
        int[] shape = x.shape();
        return Tensor.fromOp("normalCdf", out, shape, grad -> {
            double[] g = grad.buffer();
            double[] dx = new double[in.length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = g[i] * density(in[i]);
            }
            return new Tensor[] {Tensor.wrap(dx, shape)};
        }, x);
    }

    /** The float32 twin: Phi and phi computed in double from the floats, rounded once. */
    private static Tensor float32(Tensor x) {
        float[] in = x.floatBuffer();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = (float) (0.5 * Erf.erfc(-in[i] * SQRT_HALF));
        }
        int[] shape = x.shape();
        return Tensor.fromOp("normalCdf", out, shape, grad -> {
            float[] g = grad.floatBuffer();
            float[] dx = new float[in.length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = (float) (g[i] * density(in[i]));
            }
            return new Tensor[] {Tensor.wrap(dx, shape)};
        }, x);
    }

    /** {@code phi(x) = e^(-x^2/2) / sqrt(2 pi)}. */
    public static double density(double x) {
        return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * x * x);
    }
}
