package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.ElementwiseF32;

/** {@code y = e^x}. Derivative: y. PyTorch: {@code torch.exp}. */
public final class Exp {
    private Exp() {
    }

    /** Records {@code exp(x)}. */
    public static Tensor apply(Tensor x) {
        if (x.dtype() == DType.FLOAT32) {
            return float32(x);
        }
        double[] in = x.buffer();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.exp(in[i]);
        }
        int[] shape = x.shape();
        return Tensor.fromOp("exp", out, shape, grad -> new Tensor[] {grad.mul(Tensor.wrap(out, shape))}, x);
    }

    private static Tensor float32(Tensor x) {
        float[] in = x.floatBuffer();
        float[] out = new float[in.length];
        ElementwiseF32.exp(in, 0, out, 0, in.length);
        int[] shape = x.shape();
        return Tensor.fromOp("exp", out, shape, grad -> new Tensor[] {grad.mul(Tensor.wrap(out, shape))}, x);
    }
}
