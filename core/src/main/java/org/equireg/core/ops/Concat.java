package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Joins tensors along an existing axis; every other dimension must agree. Derivative: each input
 * gets its own block of the gradient. PyTorch: {@code torch.cat}.
 */
public final class Concat {
    private Concat() {
    }

    /** Records {@code concat(axis, tensors)}. */
    public static Tensor apply(int axis, Tensor... pieces) {
        Tensor[] tensors = pieces.clone(); // backward reads it after the caller may have reused its array
        if (tensors.length == 0) {
            throw new IllegalArgumentException("concat: needs at least one tensor");
        }
        DType dtype = commonType(tensors);
        for (int t = 0; t < tensors.length; t++) {
            tensors[t] = tensors[t].to(dtype);
        }
        int[] first = tensors[0].shape();
        int a = Shapes.normalizeAxis("concat", axis, first.length);
        int[] lengths = new int[tensors.length];
        int total = 0;
        for (int t = 0; t < tensors.length; t++) {
            int[] shape = tensors[t].shape();
            boolean compatible = shape.length == first.length;
            for (int i = 0; compatible && i < shape.length; i++) {
                compatible = i == a || shape[i] == first[i];
            }
            if (!compatible) {
                throw new IllegalArgumentException("concat: tensor " + t + " has shape " + Shapes.str(shape)
                        + ", which does not match tensor 0's " + Shapes.str(first) + " off axis " + axis);
            }
            lengths[t] = shape[a];
            total += shape[a];
            if (total < 0) { // past Integer.MAX_VALUE: the sum of two non-negative ints wraps negative
                throw new IllegalArgumentException("concat: the sizes along axis " + axis + " of tensors 0.." + t
                        + " add up to " + Integer.toUnsignedLong(total) + ", more than an int holds (2^31 - 1)");
            }
        }
        int outer = Shapes.outer(first, a);
        int inner = Shapes.inner(first, a);
        int[] outShape = first.clone();
        outShape[a] = total;
        int joined = total;
        if (dtype == DType.FLOAT32) {
            return float32(tensors, lengths, outer, inner, joined, outShape);
        }
        double[] out = new double[outer * total * inner];
        int offset = 0;
        for (int t = 0; t < tensors.length; t++) {
            double[] in = tensors[t].buffer();
            int block = lengths[t] * inner;
            for (int o = 0; o < outer; o++) {
                System.arraycopy(in, o * block, out, (o * joined) * inner + offset, block);
            }
            offset += block;
        }
        return Tensor.fromOp("concat", out, outShape, grad -> {
            double[] g = grad.buffer();
            Tensor[] grads = new Tensor[tensors.length];
            int start = 0;
            for (int t = 0; t < tensors.length; t++) {
                int block = lengths[t] * inner;
                if (tensors[t].requiresGrad()) {
                    double[] dx = new double[outer * block];
                    for (int o = 0; o < outer; o++) {
                        System.arraycopy(g, (o * joined) * inner + start, dx, o * block, block);
                    }
                    grads[t] = Tensor.wrap(dx, tensors[t].shape());
                }
                start += block;
            }
            return grads;
        }, tensors);
    }

    /** PyTorch's torch.cat promotion: float64 if any piece is, else float32. */
    private static DType commonType(Tensor[] tensors) {
        for (Tensor tensor : tensors) {
            if (tensor.dtype() == DType.FLOAT64) {
                return DType.FLOAT64;
            }
        }
        return DType.FLOAT32;
    }

    private static Tensor float32(Tensor[] tensors, int[] lengths, int outer, int inner, int joined, int[] outShape) {
        float[] out = new float[outer * joined * inner];
        int offset = 0;
        for (int t = 0; t < tensors.length; t++) {
            float[] in = tensors[t].floatBuffer();
            int block = lengths[t] * inner;
            for (int o = 0; o < outer; o++) {
                System.arraycopy(in, o * block, out, (o * joined) * inner + offset, block);
            }
            offset += block;
        }
        return Tensor.fromOp("concat", out, outShape, grad -> {
            float[] g = grad.floatBuffer();
            Tensor[] grads = new Tensor[tensors.length];
            int start = 0;
            for (int t = 0; t < tensors.length; t++) {
                int block = lengths[t] * inner;
                if (tensors[t].requiresGrad()) {
                    float[] dx = new float[outer * block];
                    for (int o = 0; o < outer; o++) {
                        System.arraycopy(g, (o * joined) * inner + start, dx, o * block, block);
                    }
                    grads[t] = Tensor.wrap(dx, tensors[t].shape());
                }
                start += block;
            }
            return grads;
        }, tensors);
    }
}
