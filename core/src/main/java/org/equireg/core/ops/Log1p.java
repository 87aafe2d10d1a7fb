package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/** {@code log(1 + x)}, accurate near 0. Derivative: 1 / (1 + x). PyTorch: {@code torch.log1p}. */
public final class Log1p {
    private Log1p() {
    }

    /** Records {@code log1p(x)}. */
    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Op.LOG1P, Maps.unary(Maps.Unary.LOG1P, x.storage()), x.shape(),
                (saved, grad) -> new Tensor[] {grad.div(saved.input(0).add(1.0))}, x);
    }
}
