package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Cyclic shift: {@code out[(i + shift) mod n] = x[i]} along one axis. Derivative: the roll by
 * {@code -shift} (via {@link IndexMap}). PyTorch: {@code torch.roll}.
 */
public final class Roll {
    private Roll() {
    }

    /** Records {@code x.roll(shift, axis)}. */
    public static Tensor apply(Tensor x, int shift, int axis) {
        int[] shape = x.shape();
        int a = Shapes.normalizeAxis("roll", axis, shape.length);
        int length = shape[a];
        int offset = length == 0 ? 0 : Math.floorMod(shift, length); // in [0, length), so c - offset cannot overflow
        int[] strides = Shapes.strides(shape);
        int[] source = IndexMap.build(shape, coordinates -> {
            int flat = 0;
            for (int i = 0; i < coordinates.length; i++) {
                int c = i == a ? Math.floorMod(coordinates[i] - offset, length) : coordinates[i];
                flat += c * strides[i];
            }
            return flat;
        });
        return IndexMap.apply(Op.ROLL, x, source, shape, 0);
    }
}
