package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * {@code condition ? a : b}, all three broadcast. Derivatives: the gradient goes to {@code a}
 * where the condition holds and to {@code b} elsewhere (selected, never multiplied, so an infinite
 * gradient in one branch cannot leak NaN into the other); the mask gets none.
 * PyTorch: {@code torch.where}.
 */
public final class Where {
    private Where() {
    }

    /** Records {@code where(condition, a, b)}. */
    public static Tensor apply(Tensor condition, Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("where", Shapes.broadcast("where", condition.shape(), a.shape()), b.shape());
        double[] mask = Operands.expanded(condition, shape);
        double[] left = Operands.expanded(a, shape);
        double[] right = Operands.expanded(b, shape);
        double[] out = new double[mask.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = mask[i] != 0 ? left[i] : right[i];
        }
        return Tensor.fromOp("where", out, shape, grad -> {
            double[] g = grad.buffer();
            double[] da = new double[out.length];
            double[] db = new double[out.length];
            for (int i = 0; i < out.length; i++) {
                if (mask[i] != 0) {
                    da[i] = g[i];
                } else {
                    db[i] = g[i];
                }
            }
            return new Tensor[] {null, Tensor.wrap(da, shape), Tensor.wrap(db, shape)};
        }, condition, a, b);
    }
}
