package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Tensor;

/** {@code y = sqrt(x)}. Derivative: 1 / (2y), infinite at 0 as in PyTorch. PyTorch: {@code torch.sqrt}. */
public final class Sqrt {
    private Sqrt() {
    }

    /** Records {@code sqrt(x)}. */
    public static Tensor apply(Tensor x) {
        if (x.dtype() == DType.FLOAT32) {
            return float32(x);
        }
        double[] in = x.buffer();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.sqrt(in[i]);
        }
        int[] shape = x.shape();
        return Tensor.fromOp("sqrt", out, shape, grad -> {
            double[] g = grad.buffer();
            double[] dx = new double[out.length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = g[i] / (2 * out[i]);
            }
            return Operands.single(dx, shape);
        }, x);
    }

    private static Tensor float32(Tensor x) {
        float[] in = x.floatBuffer();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = (float) Math.sqrt(in[i]);
        }
        int[] shape = x.shape();
        return Tensor.fromOp("sqrt", out, shape, grad -> {
            float[] g = grad.floatBuffer();
            float[] dx = new float[out.length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = g[i] / (2 * out[i]);
            }
            return Operands.single(dx, shape);
        }, x);
    }
}
