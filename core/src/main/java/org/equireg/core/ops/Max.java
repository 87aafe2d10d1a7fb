package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Largest element of the whole tensor or along one axis; NaN propagates. Derivative: the gradient
 * is shared evenly among the elements equal to the maximum (PyTorch's {@code amax} convention).
 */
public final class Max {
    private Max() {
    }

    /** Records {@code max(x)}, a scalar. */
    public static Tensor all(Tensor x) {
        return reduce(x.reshape(x.size()), 0, false);
    }

    /** Records {@code max(x, axis, keepDim)}. */
    public static Tensor axis(Tensor x, int axis, boolean keepDim) {
        return reduce(x, Shapes.normalizeAxis("max", axis, x.rank()), keepDim);
    }

    private static Tensor reduce(Tensor x, int axis, boolean keepDim) {
        int[] shape = x.shape();
        int outer = Shapes.outer(shape, axis);
        int length = shape[axis];
        int inner = Shapes.inner(shape, axis);
        if (length == 0) {
            throw new IllegalArgumentException("max: cannot reduce an empty axis " + axis + " of shape " + Shapes.str(shape));
        }
        if (x.dtype() == DType.FLOAT32) {
            return float32(x, axis, keepDim);
        }
        double[] in = x.buffer();
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < length; k++) {
                    double value = in[(o * length + k) * inner + i];
                    if (value > best || Double.isNaN(value)) {
                        best = value;
                        if (Double.isNaN(value)) {
                            break;
                        }
                    }
                }
                out[o * inner + i] = best;
            }
        }
        return Tensor.fromOp("max", out, Shapes.reduce(shape, axis, keepDim), grad -> {
            double[] g = grad.buffer();
            double[] dx = new double[in.length];
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    double best = out[o * inner + i];
                    int ties = 0;
                    for (int k = 0; k < length; k++) {
                        ties += in[(o * length + k) * inner + i] == best ? 1 : 0;
                    }
                    for (int k = 0; k < length; k++) {
                        int index = (o * length + k) * inner + i;
                        if (in[index] == best) {
                            dx[index] = g[o * inner + i] / ties;
                        }
                    }
                }
            }
            return Operands.single(dx, shape);
        }, x);
    }

    private static Tensor float32(Tensor x, int axis, boolean keepDim) {
        int[] shape = x.shape();
        int outer = Shapes.outer(shape, axis);
        int length = shape[axis];
        int inner = Shapes.inner(shape, axis);
        float[] in = x.floatBuffer();
        float[] out = new float[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                float best = Float.NEGATIVE_INFINITY;
                for (int k = 0; k < length; k++) {
                    float value = in[(o * length + k) * inner + i];
                    if (value > best || Float.isNaN(value)) {
                        best = value;
                        if (Float.isNaN(value)) {
                            break;
                        }
                    }
                }
                out[o * inner + i] = best;
            }
        }
        return Tensor.fromOp("max", out, Shapes.reduce(shape, axis, keepDim), grad -> {
            float[] g = grad.floatBuffer();
            float[] dx = new float[in.length];
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    float best = out[o * inner + i];
                    int ties = 0;
                    for (int k = 0; k < length; k++) {
                        ties += in[(o * length + k) * inner + i] == best ? 1 : 0;
                    }
                    for (int k = 0; k < length; k++) {
                        int index = (o * length + k) * inner + i;
                        if (in[index] == best) {
                            dx[index] = g[o * inner + i] / ties;
                        }
                    }
                }
            }
            return Operands.single(dx, shape);
        }, x);
    }

    /**
     * Index of the first maximum along an axis, as whole numbers in a float64 tensor without the axis
     * (float64 whatever the input's type: float32 holds whole numbers exactly only up to 2^24).
     */
    public static Tensor argmax(Tensor x, int axis) {
        int[] shape = x.shape();
        int a = Shapes.normalizeAxis("argmax", axis, shape.length);
        int outer = Shapes.outer(shape, a);
        int length = shape[a];
        int inner = Shapes.inner(shape, a);
        if (length == 0) {
            throw new IllegalArgumentException("argmax: empty axis " + axis + " in shape " + Shapes.str(shape));
        }
        double[] in = x.dtype() == DType.FLOAT64 ? x.buffer() : x.toArray(); // widening keeps order and NaNs
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int bestIndex = 0;
                double best = in[o * length * inner + i];
                for (int k = 1; k < length && !Double.isNaN(best); k++) {
                    double value = in[(o * length + k) * inner + i];
                    if (value > best || Double.isNaN(value)) {
                        best = value;
                        bestIndex = k;
                    }
                }
                out[o * inner + i] = bestIndex;
            }
        }
        return Tensor.wrap(out, Shapes.reduce(shape, a, false));
    }
}
