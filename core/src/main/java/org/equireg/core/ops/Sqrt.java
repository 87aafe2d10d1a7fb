package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/** {@code y = sqrt(x)}. Derivative: 1 / (2 y), from the output. PyTorch: {@code torch.sqrt}. */
public final class Sqrt {
    private Sqrt() {
    }

    /** Records {@code sqrt(x)}. */
    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Op.SQRT, Maps.unary(Maps.Unary.SQRT, x.storage()), x.shape(),
                (saved, grad) -> new Tensor[] {grad.div(saved.output().mul(2.0))}, x);
    }
}
