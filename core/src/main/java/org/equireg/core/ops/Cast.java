package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/**
 * Conversion to another element type: widening is exact, narrowing rounds to nearest (overflowing
 * to infinity). Derivative: the gradient converted back to the input's type.
 * PyTorch: {@code Tensor.to(dtype)}.
 */
public final class Cast {
    private Cast() {
    }

    /** Records {@code x.to(dtype)}, a new tensor even when x already has that type. */
    public static Tensor apply(Tensor x, DType dtype) {
        DType source = x.dtype();
        return Tensor.fromOp(Op.CAST, Maps.cast(x.storage(), dtype), x.shape(),
                (saved, grad) -> new Tensor[] {grad.to(source)}, x);
    }
}
