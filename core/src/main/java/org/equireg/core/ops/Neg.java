package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Tensor;

/** {@code -x}. Derivative: -1. PyTorch: {@code torch.neg}. */
public final class Neg {
    private Neg() {
    }

    /** Records {@code -x}. */
    public static Tensor apply(Tensor x) {
        if (x.dtype() == DType.FLOAT32) {
            return float32(x);
        }
        double[] in = x.buffer();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = -in[i];
        }
        return Tensor.fromOp("neg", out, x.shape(), grad -> new Tensor[] {grad.neg()}, x);
    }

    private static Tensor float32(Tensor x) {
        float[] in = x.floatBuffer();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = -in[i];
        }
        return Tensor.fromOp("neg", out, x.shape(), grad -> new Tensor[] {grad.neg()}, x);
    }
}
