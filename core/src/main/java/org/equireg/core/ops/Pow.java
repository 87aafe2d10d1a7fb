package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Tensor;

/**
 * {@code x^p} for a constant exponent. Derivative: {@code p x^(p-1)}, and 0 when p = 0 (as
 * PyTorch). PyTorch: {@code torch.pow(x, p)}.
 */
public final class Pow {
    private Pow() {
    }

    /** Records {@code pow(x, exponent)}. */
    public static Tensor apply(Tensor x, double exponent) {
        if (Double.isNaN(exponent)) {
            throw new IllegalArgumentException("pow: exponent is NaN");
        }
        if (x.dtype() == DType.FLOAT32) {
            return float32(x, exponent);
        }
        double[] in = x.buffer();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = power(in[i], exponent);
        }
        int[] shape = x.shape();
        return Tensor.fromOp("pow", out, shape, grad -> {
            double[] g = grad.buffer();
            double[] dx = new double[in.length];
            if (exponent != 0) {
                for (int i = 0; i < dx.length; i++) {
                    dx[i] = g[i] * exponent * power(in[i], exponent - 1);
                }
            }
            return Operands.single(dx, shape);
        }, x);
    }

    /** The float32 twin: the same formula on floats, the general power computed in double and rounded once. */
    private static Tensor float32(Tensor x, double exponent) {
        float[] in = x.floatBuffer();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = power(in[i], exponent);
        }
        int[] shape = x.shape();
        float factor = (float) exponent;
        return Tensor.fromOp("pow", out, shape, grad -> {
            float[] g = grad.floatBuffer();
            float[] dx = new float[in.length];
            if (exponent != 0) {
                for (int i = 0; i < dx.length; i++) {
                    dx[i] = g[i] * factor * power(in[i], exponent - 1);
                }
            }
            return Operands.single(dx, shape);
        }, x);
    }

    private static float power(float base, double exponent) {
        if (exponent == 1) {
            return base;
        }
        if (exponent == 2) {
            return base * base;
        }
        if (exponent == 3) {
            return base * base * base;
        }
        return (float) Math.pow(base, exponent);
    }

    /** Exact multiplications for the small integer powers models use most. */
    private static double power(double base, double exponent) {
        if (exponent == 1) {
            return base;
        }
        if (exponent == 2) {
            return base * base;
        }
        if (exponent == 3) {
            return base * base * base;
        }
        return Math.pow(base, exponent);
    }
}
