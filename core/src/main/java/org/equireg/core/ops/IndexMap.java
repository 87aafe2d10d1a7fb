package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Movement;

/**
 * The shared primitive behind every op that only moves values: {@code out[i] = x[source[i]]}, or a
 * fill value where {@code source[i] < 0}. Derivative: the adjoint scatter-add,
 * {@code dx[source[i]] += g[i]}, itself a primitive ({@link Op#INDEX_SCATTER}) whose derivative is
 * the gather again ({@link Op#INDEX_GATHER}). Permute, slice, indexSelect, gather, pad, roll, flip
 * are each a way of computing {@code source}. PyTorch: {@code torch.take} and {@code index_put_(accumulate=True)}.
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

    /**
     * The source index {@code offset + sum_i coordinates[i] * strides[i]} of every element of
     * {@code outShape}, in row-major order: what {@link #build} gives for a source that is affine in
     * the coordinates (permute, flip, slice), computed by adding strides instead of calling a lambda
     * per element with the whole coordinate vector. Strides may be negative (a flipped axis). The
     * array is shared (see {@link StridedMaps}): never write to it.
     */
    static int[] strided(int[] outShape, int offset, int[] strides) {
        return StridedMaps.get(outShape, offset, strides, IndexMap::buildStrided);
    }

    /** {@link #strided}, built afresh. */
    private static int[] buildStrided(int[] outShape, int offset, int[] strides) {
        int size = Shapes.size(outShape);
        int[] indices = new int[size];
        if (size == 0) {
            return indices;
        }
        int rank = outShape.length;
        if (rank == 0) {
            indices[0] = offset;
            return indices;
        }
        int inner = outShape[rank - 1];
        int innerStride = strides[rank - 1];
        int[] coordinates = new int[rank - 1];
        int rowStart = offset; // source of the first element of the current innermost row
        for (int row = 0; row < size; row += inner) {
            for (int j = 0, at = rowStart; j < inner; j++, at += innerStride) {
                indices[row + j] = at;
            }
            for (int axis = rank - 2; axis >= 0; axis--) { // odometer over the outer axes
                rowStart += strides[axis];
                if (++coordinates[axis] < outShape[axis]) {
                    break;
                }
                rowStart -= outShape[axis] * strides[axis];
                coordinates[axis] = 0;
            }
        }
        return indices;
    }

    /** Records the gather of {@code x} through {@code source} as the primitive {@code op}. */
    static Tensor apply(Op op, Tensor x, int[] source, int[] outShape, double fill) {
        int[] inShape = x.shape();
        return Tensor.fromOp(op, Movement.gather(x.storage(), source, fill), outShape,
                (saved, grad) -> new Tensor[] {scatter(grad, source, inShape)}, x);
    }

    /** Records {@code dx[source[i]] += g[i]} into zeros of {@code inShape}: the adjoint of a gather. */
    static Tensor scatter(Tensor grad, int[] source, int[] inShape) {
        int[] outShape = grad.shape();
        return Tensor.fromOp(Op.INDEX_SCATTER, Movement.scatterAdd(grad.storage(), source, Shapes.size(inShape)),
                inShape, (saved, gg) -> new Tensor[] {apply(Op.INDEX_GATHER, gg, source, outShape, 0)}, grad);
    }
}
