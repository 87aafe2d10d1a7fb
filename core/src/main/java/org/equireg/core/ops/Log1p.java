package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Tensor;

/** {@code log(1 + x)}, accurate near 0. Derivative: 1 / (1 + x). PyTorch: {@code torch.log1p}. */
public final class Log1p {
    private Log1p() {
    }

    /** Records {@code log1p(x)}. */
    public static Tensor apply(Tensor x) {
        if (x.dtype() == DType.FLOAT32) {
            return float32(x);
        }
        double[] in = x.buffer();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.log1p(in[i]);
        }
        return Tensor.fromOp("log1p", out, x.shape(), grad -> new Tensor[] {grad.div(x.add(1.0))}, x);
    }

    private static Tensor float32(Tensor x) {
        float[] in = x.floatBuffer();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = (float) Math.log1p(in[i]);
        }
        return Tensor.fromOp("log1p", out, x.shape(), grad -> new Tensor[] {grad.div(x.add(1.0))}, x);
    }
}
