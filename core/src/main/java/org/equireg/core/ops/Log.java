package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.ElementwiseF32;

/** Natural logarithm. Derivative: 1 / x. PyTorch: {@code torch.log}. */
public final class Log {
    private Log() {
    }

    /** Records {@code log(x)}. */
    public static Tensor apply(Tensor x) {
        if (x.dtype() == DType.FLOAT32) {
            return float32(x);
        }
        double[] in = x.buffer();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.log(in[i]);
        }
        return Tensor.fromOp("log", out, x.shape(), grad -> new Tensor[] {grad.div(x)}, x);
    }

    private static Tensor float32(Tensor x) {
        float[] in = x.floatBuffer();
        float[] out = new float[in.length];
        ElementwiseF32.log(in, 0, out, 0, in.length);
        return Tensor.fromOp("log", out, x.shape(), grad -> new Tensor[] {grad.div(x)}, x);
    }
}
