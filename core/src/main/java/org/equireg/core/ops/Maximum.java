package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Elementwise {@code max(a, b)}, broadcast; NaN propagates. Derivatives: 1 to the larger
 * operand, 1/2 to each on a tie (as PyTorch). PyTorch: {@code torch.maximum}.
 */
public final class Maximum {
    private Maximum() {
    }

    /** Records {@code maximum(a, b)}. */
    public static Tensor apply(Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("maximum", a.shape(), b.shape());
        double[] left = Operands.expanded(a, shape);
        double[] right = Operands.expanded(b, shape);
        double[] out = new double[left.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(left[i], right[i]);
        }
        return Tensor.fromOp("maximum", out, shape, grad -> {
            double[] g = grad.buffer();
            double[] da = new double[out.length];
            double[] db = new double[out.length];
            for (int i = 0; i < out.length; i++) {
                double share = left[i] > right[i] ? 1.0 : left[i] == right[i] ? 0.5 : 0.0;
                da[i] = g[i] * share;
                db[i] = g[i] * (1.0 - share);
            }
            return new Tensor[] {Tensor.wrap(da, shape), Tensor.wrap(db, shape)};
        }, a, b);
    }
}
