package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/**
 * {@code min(max(x, min), max)}, NaN kept. Derivative: 1 where {@code min <= x <= max} (the
 * bounds included, as PyTorch), else 0: a constant mask, so the second derivative is 0.
 * PyTorch: {@code torch.clamp}.
 */
public final class Clamp {
    private Clamp() {
    }

    /** Records {@code clamp(x, min, max)}. */
    public static Tensor apply(Tensor x, double min, double max) {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("clamp: needs min <= max, got min = " + min + ", max = " + max);
        }
        return Tensor.fromOp(Op.CLAMP, Maps.clamp(x.storage(), min, max), x.shape(), (saved, grad) -> {
            Tensor input = saved.input(0);
            return new Tensor[] {grad.mul(Tensor.wrap(Maps.inRange(input.storage(), min, max), input.shape()))};
        }, x);
    }
}
