package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.Broadcast;

/** Reading op inputs as flat arrays of a common broadcast shape. */
final class Operands {
    private Operands() {
    }

    /** The values of {@code tensor} repeated to {@code shape} (its own buffer when no repetition is needed). */
    static double[] expanded(Tensor tensor, int[] shape) {
        return Broadcast.expand(tensor.buffer(), tensor.shape(), shape);
    }

    /** The gradient of a one-input op, wrapped for {@link org.equireg.core.Backward}. */
    static Tensor[] single(double[] gradient, int[] shape) {
        return new Tensor[] {Tensor.wrap(gradient, shape)};
    }
}
