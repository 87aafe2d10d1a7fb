package org.equireg.core.ops;

import org.equireg.core.Tensor;

/** {@code y = tanh(x)}. Derivative: 1 - y^2. PyTorch: {@code torch.tanh}. */
public final class Tanh {
    private Tanh() {
    }

    /** Records {@code tanh(x)}. */
    public static Tensor apply(Tensor x) {
        double[] in = x.buffer();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.tanh(in[i]);
        }
        int[] shape = x.shape();
        return Tensor.fromOp("tanh", out, shape, grad -> {
            double[] g = grad.buffer();
            double[] dx = new double[out.length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = g[i] * (1 - out[i] * out[i]);
            }
            return Operands.single(dx, shape);
        }, x);
    }
}
