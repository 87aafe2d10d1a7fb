package org.equireg.core.ops;

import java.util.Arrays;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * The same values in a new shape of equal size, one dimension inferable as -1; shares the buffer
 * (a view). Derivative: the gradient reshaped back. PyTorch: {@code torch.reshape}.
 */
public final class Reshape {
    private Reshape() {
    }

    /** Records {@code reshape(x, newShape)}. */
    public static Tensor apply(Tensor x, int... newShape) {
        int[] shape = resolve(x.shape(), newShape);
        int[] inShape = x.shape();
        return Tensor.fromOp(Op.RESHAPE, x.storage(), shape, (saved, grad) -> new Tensor[] {grad.reshape(inShape)}, x);
    }

    private static int[] resolve(int[] from, int[] requested) {
        int[] shape = requested.clone();
        int inferred = -1;
        long known = 1;
        for (int axis = 0; axis < shape.length; axis++) {
            if (shape[axis] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("reshape: more than one -1 in " + Arrays.toString(requested));
                }
                inferred = axis;
            } else if (shape[axis] < 0) {
                throw new IllegalArgumentException("reshape: negative dimension in " + Arrays.toString(requested));
            } else {
                known *= shape[axis];
            }
        }
        int size = Shapes.size(from);
        if (inferred >= 0) {
            if (known == 0 || size % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.str(from) + " (size " + size
                        + ") into " + Arrays.toString(requested));
            }
            shape[inferred] = (int) (size / known);
        } else if (known != size) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.str(from) + " (size " + size
                    + ") into " + Arrays.toString(requested) + " (size " + known + ")");
        }
        return shape;
    }
}
