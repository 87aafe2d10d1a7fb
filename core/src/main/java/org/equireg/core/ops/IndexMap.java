package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * The shared primitive behind every op that only moves values: {@code out[i] = x[source[i]]}, or a
 * fill value where {@code source[i] < 0}. Derivative: the adjoint scatter-add,
 * {@code dx[source[i]] += g[i]}. Permute, slice, indexSelect, gather, pad, roll, flip and
 * broadcastTo are each a way of computing {@code source}.
 */
final class IndexMap {
    private IndexMap() {
    }

    /** Maps output coordinates to a flat source index, or -1 for the fill value. */
    interface Source {
        int at(int[] outCoordinates);
    }

    /** Builds the source index of every element of {@code outShape}, in row-major order. */
    static int[] build(int[] outShape, Source source) {
        int size = Shapes.size(outShape);
        int[] indices = new int[size];
        int[] coordinates = new int[outShape.length];
        for (int flat = 0; flat < size; flat++) {
            indices[flat] = source.at(coordinates);
            for (int axis = outShape.length - 1; axis >= 0; axis--) {
                if (++coordinates[axis] < outShape[axis]) {
                    break;
                }
                coordinates[axis] = 0;
            }
        }
        return indices;
    }

    /** Records the gather of {@code x} through {@code source}. */
    static Tensor apply(String op, Tensor x, int[] source, int[] outShape, double fill) {
        if (x.dtype() == DType.FLOAT32) {
            return float32(op, x, source, outShape, (float) fill);
        }
        double[] in = x.buffer();
        double[] out = new double[source.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = source[i] < 0 ? fill : in[source[i]];
        }
        int[] inShape = x.shape();
        return Tensor.fromOp(op, out, outShape, grad -> {
            double[] g = grad.buffer();
            double[] dx = new double[in.length];
            for (int i = 0; i < source.length; i++) {
                if (source[i] >= 0) {
                    dx[source[i]] += g[i];
                }
            }
            return Operands.single(dx, inShape);
        }, x);
    }

    private static Tensor float32(String op, Tensor x, int[] source, int[] outShape, float fill) {
        float[] in = x.floatBuffer();
        float[] out = new float[source.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = source[i] < 0 ? fill : in[source[i]];
        }
        int[] inShape = x.shape();
        return Tensor.fromOp(op, out, outShape, grad -> {
            float[] g = grad.floatBuffer();
            float[] dx = new float[in.length];
            for (int i = 0; i < source.length; i++) {
                if (source[i] >= 0) {
                    dx[source[i]] += g[i];
                }
            }
            return Operands.single(dx, inShape);
        }, x);
    }
}
