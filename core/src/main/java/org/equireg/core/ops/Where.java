package org.equireg.core.ops;

import org.equireg.core.DType;
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
        return same(condition, Operands.promoted(a, b), Operands.promoted(b, a));
    }

    private static Tensor same(Tensor condition, Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("where", Shapes.broadcast("where", condition.shape(), a.shape()), b.shape());
        if (a.dtype() == DType.FLOAT32) {
            return float32(condition, mask(condition, shape), a, b, shape);
        }
        double[] mask = Operands.expanded(condition.to(DType.FLOAT64), shape);
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

    private static boolean[] mask(Tensor condition, int[] shape) {
        double[] values = Operands.expanded(condition.detach().to(DType.FLOAT64), shape);
        boolean[] mask = new boolean[values.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = values[i] != 0;
        }
        return mask;
    }

    private static Tensor float32(Tensor condition, boolean[] mask, Tensor a, Tensor b, int[] shape) {
        float[] left = Operands.expandedF32(a, shape);
        float[] right = Operands.expandedF32(b, shape);
        float[] out = new float[mask.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = mask[i] ? left[i] : right[i];
        }
        return Tensor.fromOp("where", out, shape, grad -> {
            float[] g = grad.floatBuffer();
            float[] da = new float[out.length];
            float[] db = new float[out.length];
            for (int i = 0; i < out.length; i++) {
                if (mask[i]) {
                    da[i] = g[i];
                } else {
                    db[i] = g[i];
                }
            }
            return new Tensor[] {null, Tensor.wrap(da, shape), Tensor.wrap(db, shape)};
        }, condition, a, b);
    }
}
