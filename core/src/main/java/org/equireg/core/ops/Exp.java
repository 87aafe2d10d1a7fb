package org.equireg.core.ops;

import org.equireg.core.Tensor;

/** {@code y = e^x}. Derivative: y. PyTorch: {@code torch.exp}. */
public final class Exp {
    private Exp() {
    }

    /** Records {@code exp(x)}. */
    public static Tensor apply(Tensor x) {
        double[] in = x.buffer();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.exp(in[i]);
        }
        int[] shape = x.shape();
        return Tensor.fromOp("exp", out, shape, grad -> new Tensor[] {grad.mul(Tensor.wrap(out, shape))}, x);
    }
}
