package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/** {@code log(x)}: -infinity at 0, NaN below. Derivative: 1 / x. PyTorch: {@code torch.log}. */
public final class Log {
    private Log() {
    }

    /** Records {@code log(x)}. */
    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Op.LOG, Maps.unary(Maps.Unary.LOG, x.storage()), x.shape(),
                (saved, grad) -> new Tensor[] {grad.div(saved.input(0))}, x);
    }
}
