package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Tensor;

/** {@code |x|}. Derivative: sign(x), with 0 at x = 0 (as PyTorch). PyTorch: {@code torch.abs}. */
public final class Abs {
    private Abs() {
    }

    /** Records {@code abs(x)}. */
    public static Tensor apply(Tensor x) {
        if (x.dtype() == DType.FLOAT32) {
            return float32(x);
        }
        double[] in = x.buffer();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.abs(in[i]);
        }
        int[] shape = x.shape();
        return Tensor.fromOp("abs", out, shape, grad -> {
            double[] g = grad.buffer();
            double[] dx = new double[in.length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = g[i] * Math.signum(in[i]);
            }
            return Operands.single(dx, shape);
        }, x);
    }

    private static Tensor float32(Tensor x) {
        float[] in = x.floatBuffer();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.abs(in[i]);
        }
        int[] shape = x.shape();
        return Tensor.fromOp("abs", out, shape, grad -> {
            float[] g = grad.floatBuffer();
            float[] dx = new float[in.length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = g[i] * Math.signum(in[i]);
            }
            return Operands.single(dx, shape);
        }, x);
    }
}
