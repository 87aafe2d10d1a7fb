package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/** {@code y = e^x}. Derivative: y (the output, as PyTorch's {@code grad * result}). PyTorch: {@code torch.exp}. */
public final class Exp {
    private Exp() {
    }

    /** Records {@code exp(x)}. */
    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Op.EXP, Maps.unary(Maps.Unary.EXP, x.storage()), x.shape(),
                (saved, grad) -> new Tensor[] {grad.mul(saved.output())}, x);
    }
}
