package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/** Elementwise comparisons giving 0/1 masks, broadcast. Not differentiable: the result is a plain leaf. */
public final class Compare {
    private Compare() {
    }

    /** Which comparison. */
    public enum Kind {
        /** {@code a > b}. */
        GREATER,
        /** {@code a < b}. */
        LESS,
        /** {@code a == b}. */
        EQUAL
    }

    /** The mask {@code a (kind) b}. */
    public static Tensor apply(String op, Tensor a, Tensor b, Kind kind) {
        Tensor left = Operands.promoted(a, b);
        Tensor right = Operands.promoted(b, a);
        return left.dtype() == DType.FLOAT32 ? float32(op, left, right, kind) : float64(op, left, right, kind);
    }

    private static Tensor float64(String op, Tensor a, Tensor b, Kind kind) {
        int[] shape = Shapes.broadcast(op, a.shape(), b.shape());
        double[] left = Operands.expanded(a, shape);
        double[] right = Operands.expanded(b, shape);
        double[] out = new double[left.length];
        for (int i = 0; i < out.length; i++) {
            boolean holds = kind == Kind.GREATER ? left[i] > right[i]
                    : kind == Kind.LESS ? left[i] < right[i] : left[i] == right[i];
            out[i] = holds ? 1.0 : 0.0;
        }
        return Tensor.wrap(out, shape);
    }

    private static Tensor float32(String op, Tensor a, Tensor b, Kind kind) {
        int[] shape = Shapes.broadcast(op, a.shape(), b.shape());
        float[] left = Operands.expandedF32(a, shape);
        float[] right = Operands.expandedF32(b, shape);
        float[] out = new float[left.length];
        for (int i = 0; i < out.length; i++) {
            boolean holds = kind == Kind.GREATER ? left[i] > right[i]
                    : kind == Kind.LESS ? left[i] < right[i] : left[i] == right[i];
            out[i] = holds ? 1f : 0f;
        }
        return Tensor.wrap(out, shape);
    }
}
