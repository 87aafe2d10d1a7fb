package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Movement;
import org.equireg.core.Storage;

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
        }
        int outer = Shapes.outer(first, a);
        int inner = Shapes.inner(first, a);
        int[] outShape = first.clone();
        outShape[a] = total;
        Storage[] storages = new Storage[tensors.length];
        int[] blocks = new int[tensors.length];
        for (int t = 0; t < tensors.length; t++) {
            storages[t] = tensors[t].storage();
            blocks[t] = lengths[t] * inner;
        }
        return Tensor.fromOp(Op.CONCAT, Movement.concat(storages, outer, blocks), outShape, (saved, grad) -> {
            Tensor[] grads = new Tensor[lengths.length];
            int start = 0;
            for (int t = 0; t < lengths.length; t++) {
                if (saved.needsGrad(t)) {
                    grads[t] = grad.slice(a, start, start + lengths[t]);
                }
                start += lengths[t];
            }
            return grads;
        }, tensors);
    }

    /** PyTorch's torch.cat promotion: float64 if any piece is, else float32. */
    private static DType commonType(Tensor[] tensors) {
        DType common = tensors[0].dtype();
        for (Tensor tensor : tensors) {
            common = DType.promote(common, tensor.dtype());
        }
        return common;
    }
}
