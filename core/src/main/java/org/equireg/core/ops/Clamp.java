package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Tensor;

/**
 * {@code min(max(x, lo), hi)}. Derivative: 1 where lo &lt;= x &lt;= hi (boundaries included, as
 * PyTorch), else 0. PyTorch: {@code torch.clamp}.
 */
public final class Clamp {
    private Clamp() {
    }

    /** Records {@code clamp(x, min, max)}. */
    public static Tensor apply(Tensor x, double min, double max) {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("clamp: needs min <= max, got min = " + min + ", max = " + max);
        }
        if (x.dtype() == DType.FLOAT32) {
            return float32(x, min, max);
        }
        double[] in = x.buffer();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Double.isNaN(in[i]) ? in[i] : Math.min(Math.max(in[i], min), max);
        }
        int[] shape = x.shape();
        return Tensor.fromOp("clamp", out, shape, grad -> {
            double[] g = grad.buffer();
            double[] dx = new double[in.length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = in[i] >= min && in[i] <= max ? g[i] : 0.0;
            }
            return Operands.single(dx, shape);
        }, x);
    }

    /** The float32 twin; the bounds are compared as doubles, so a bound between two floats is honoured. */
    private static Tensor float32(Tensor x, double min, double max) {
        float[] in = x.floatBuffer();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Float.isNaN(in[i]) ? in[i] : (float) Math.min(Math.max(in[i], min), max);
        }
        int[] shape = x.shape();
        return Tensor.fromOp("clamp", out, shape, grad -> {
            float[] g = grad.floatBuffer();
            float[] dx = new float[in.length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = in[i] >= min && in[i] <= max ? g[i] : 0f;
            }
            return Operands.single(dx, shape);
        }, x);
    }
}
