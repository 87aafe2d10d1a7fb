package org.equireg.core.ops;

import org.equireg.core.DType;
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
        return same(Operands.promoted(a, b), Operands.promoted(b, a));
    }

    private static Tensor same(Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("maximum", a.shape(), b.shape());
        if (a.dtype() == DType.FLOAT32) {
            return float32(a, b, shape);
        }
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

    private static Tensor float32(Tensor a, Tensor b, int[] shape) {
        float[] left = Operands.expandedF32(a, shape);
        float[] right = Operands.expandedF32(b, shape);
        float[] out = new float[left.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(left[i], right[i]);
        }
        return Tensor.fromOp("maximum", out, shape, grad -> {
            float[] g = grad.floatBuffer();
            float[] da = new float[out.length];
            float[] db = new float[out.length];
            for (int i = 0; i < out.length; i++) {
                float share = left[i] > right[i] ? 1f : left[i] == right[i] ? 0.5f : 0f;
                da[i] = g[i] * share;
                db[i] = g[i] * (1f - share);
            }
            return new Tensor[] {Tensor.wrap(da, shape), Tensor.wrap(db, shape)};
        }, a, b);
    }
}
