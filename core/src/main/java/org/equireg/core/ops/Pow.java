package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/**
 * {@code x^p} for a constant p (exponents 1, 2 and 3 by multiplication, others by {@link Math#pow};
 * float32 rounds p to float, as PyTorch). Derivative: {@code p x^(p-1)}; 0 for p = 0.
 * PyTorch: {@code torch.pow(x, p)}.
 */
public final class Pow {
    private Pow() {
    }

    /** Records {@code x^exponent}. */
    public static Tensor apply(Tensor x, double exponent) {
        if (Double.isNaN(exponent)) {
            throw new IllegalArgumentException("pow: exponent is NaN");
        }
        return Tensor.fromOp(Op.POW, Maps.pow(x.storage(), exponent), x.shape(), (saved, grad) -> new Tensor[] {
            exponent == 0 ? null : grad.mul(exponent).mul(saved.input(0).pow(exponent - 1))}, x);
    }
}
