package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/** {@code -x}. Derivative: -1. PyTorch: {@code torch.neg}. */
public final class Neg {
    private Neg() {
    }

    /** Records {@code neg(x)}. */
    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Op.NEG, Maps.unary(Maps.Unary.NEG, x.storage()), x.shape(),
                (saved, grad) -> new Tensor[] {grad.neg()}, x);
    }
}
