package org.equireg.core.ops;

import org.equireg.core.Tensor;

/** {@code max(x, 0)}. Derivative: 1 where x &gt; 0, else 0 (so 0 at x = 0, as PyTorch). PyTorch: {@code torch.relu}. */
public final class Relu {
    private Relu() {
    }

    /** Records {@code relu(x)}. */
    public static Tensor apply(Tensor x) {
        double[] in = x.buffer();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] > 0 ? in[i] : 0.0;
        }
        int[] shape = x.shape();
        return Tensor.fromOp("relu", out, shape, grad -> {
            double[] g = grad.buffer();
            double[] dx = new double[in.length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = in[i] > 0 ? g[i] : 0.0;
            }
            return Operands.single(dx, shape);
        }, x);
    }
}
