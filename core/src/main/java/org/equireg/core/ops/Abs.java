package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/**
 * {@code |x|}. Derivative: sign(x), 0 at 0 (PyTorch's convention); the sign is a constant, so the
 * second derivative is 0. PyTorch: {@code torch.abs}.
 */
public final class Abs {
    private Abs() {
    }

    /** Records {@code abs(x)}. */
    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Op.ABS, Maps.unary(Maps.Unary.ABS, x.storage()), x.shape(), (saved, grad) -> {
            Tensor input = saved.input(0);
            return new Tensor[] {grad.mul(Tensor.wrap(Maps.unary(Maps.Unary.SIGN, input.storage()), input.shape()))};
        }, x);
    }
}
