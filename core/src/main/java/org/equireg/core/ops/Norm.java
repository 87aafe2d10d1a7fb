package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * The p-norm {@code (sum |x|^p)^(1/p)} of the whole tensor or along one axis, for p in [1, inf].
 * Derivative: {@code sign(x) |x|^(p-1) / norm^(p-1)}; for p = inf the gradient is shared evenly
 * among the entries of largest magnitude; it is 0 wherever the norm is 0 (PyTorch's convention,
 * which keeps an exactly equivariant model's distance differentiable).
 * PyTorch: {@code torch.linalg.vector_norm}.
 */
public final class Norm {
    private Norm() {
    }

    /** Records {@code norm(x, p)} over all elements, a scalar. */
    public static Tensor all(Tensor x, double p) {
        return reduce(x.reshape(x.size()), p, 0, false);
    }

    /** Records {@code norm(x, p, axis, keepDim)}. */
    public static Tensor axis(Tensor x, double p, int axis, boolean keepDim) {
        return reduce(x, p, Shapes.normalizeAxis("norm", axis, x.rank()), keepDim);
    }

    private static Tensor reduce(Tensor x, double p, int axis, boolean keepDim) {
        if (!(p >= 1)) {
            throw new IllegalArgumentException("norm: p must be >= 1 or infinity, got " + p);
        }
        int[] shape = x.shape();
        int outer = Shapes.outer(shape, axis);
        int length = shape[axis];
        int inner = Shapes.inner(shape, axis);
        if (x.dtype() == DType.FLOAT32) {
            return float32(x, p, axis, keepDim);
        }
        double[] in = x.buffer();
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                out[o * inner + i] = norm(in, (o * length) * inner + i, inner, length, p);
            }
        }
        return Tensor.fromOp("norm", out, Shapes.reduce(shape, axis, keepDim), grad -> {
            double[] g = grad.buffer();
            double[] dx = new double[in.length];
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    double value = out[o * inner + i];
                    if (value == 0) {
                        continue;
                    }
                    int start = (o * length) * inner + i;
                    int ties = 0;
                    if (p == Double.POSITIVE_INFINITY) {
                        for (int k = 0; k < length; k++) {
                            ties += Math.abs(in[start + k * inner]) == value ? 1 : 0;
                        }
                    }
                    double upstream = g[o * inner + i];
                    for (int k = 0; k < length; k++) {
                        int index = start + k * inner;
                        dx[index] = upstream * derivative(in[index], value, p, ties);
                    }
                }
            }
            return Operands.single(dx, shape);
        }, x);
    }

    /**
     * The float32 twin: each norm accumulated in double from the floats and rounded once; each
     * derivative computed in double from the float input and float norm and rounded once.
     */
    private static Tensor float32(Tensor x, double p, int axis, boolean keepDim) {
        int[] shape = x.shape();
        int outer = Shapes.outer(shape, axis);
        int length = shape[axis];
        int inner = Shapes.inner(shape, axis);
        float[] in = x.floatBuffer();
        float[] out = new float[outer * inner];
        double[] column = new double[length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int start = (o * length) * inner + i;
                for (int k = 0; k < length; k++) {
                    column[k] = in[start + k * inner];
                }
                out[o * inner + i] = (float) norm(column, 0, 1, length, p);
            }
        }
        return Tensor.fromOp("norm", out, Shapes.reduce(shape, axis, keepDim), grad -> {
            float[] g = grad.floatBuffer();
            float[] dx = new float[in.length];
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    float value = out[o * inner + i];
                    if (value == 0) {
                        continue;
                    }
                    int start = (o * length) * inner + i;
                    int ties = 0;
                    if (p == Double.POSITIVE_INFINITY) {
                        for (int k = 0; k < length; k++) {
                            ties += Math.abs(in[start + k * inner]) == value ? 1 : 0;
                        }
                    }
                    double upstream = g[o * inner + i];
                    for (int k = 0; k < length; k++) {
                        int index = start + k * inner;
                        dx[index] = (float) (upstream * derivative(in[index], value, p, ties));
                    }
                }
            }
            return Operands.single(dx, shape);
        }, x);
    }

    private static double norm(double[] in, int start, int stride, int length, double p) {
        double accumulator = 0;
        for (int k = 0; k < length; k++) {
            double magnitude = Math.abs(in[start + k * stride]);
            if (p == 1) {
                accumulator += magnitude;
            } else if (p == 2) {
                accumulator += magnitude * magnitude;
            } else if (p == Double.POSITIVE_INFINITY) {
                accumulator = Math.max(accumulator, magnitude);
            } else {
                accumulator += Math.pow(magnitude, p);
            }
        }
        if (p == 2) {
            return Math.sqrt(accumulator);
        }
        return p == 1 || p == Double.POSITIVE_INFINITY ? accumulator : Math.pow(accumulator, 1 / p);
    }

    private static double derivative(double x, double norm, double p, int ties) {
        if (p == 1) {
            return Math.signum(x);
        }
        if (p == 2) {
            return x / norm;
        }
        if (p == Double.POSITIVE_INFINITY) {
            return Math.abs(x) == norm ? Math.signum(x) / ties : 0.0;
        }
        return Math.signum(x) * Math.pow(Math.abs(x) / norm, p - 1);
    }
}
