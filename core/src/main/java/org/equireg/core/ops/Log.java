package org.equireg.core.ops;

import org.equireg.core.Tensor;

/** Natural logarithm. Derivative: 1 / x. PyTorch: {@code torch.log}. */
public final class Log {
    private Log() {
    }

    /** Records {@code log(x)}. */
    public static Tensor apply(Tensor x) {
        double[] in = x.buffer();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.log(in[i]);
        }
        return Tensor.fromOp("log", out, x.shape(), grad -> new Tensor[] {grad.div(x)}, x);
    }
}
