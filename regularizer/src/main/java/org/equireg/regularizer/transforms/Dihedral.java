package org.equireg.regularizer.transforms;

import java.util.Optional;
import org.equireg.core.Tensor;

/**
 * An element of the dihedral group D4 of the square acting on the last two axes
 * {@code (..., height, width)}: {@code r^k m}, the mirror m ({@code flip} of the width axis, when
 * {@code mirrored}) followed by k counterclockwise quarter turns r ({@code torch.rot90(x, k, (-2, -1))}).
 * Relations: {@code r^4 = m^2 = 1}, {@code m r = r^-1 m}; so {@code (r^k)^-1 = r^-k} and every
 * {@code r^k m} is its own inverse. Quarter turns need square images to keep the shape.
 */
final class Dihedral implements Transform {
    private final int quarterTurns;
    private final boolean mirrored;

    Dihedral(int quarterTurns, boolean mirrored) {
        this.quarterTurns = Math.floorMod(quarterTurns, 4);
        this.mirrored = mirrored;
    }

    @Override
    public Tensor apply(Tensor batch) {
        Axes.requireImages(mirrored ? "d4" : "rot90", batch);
        Tensor reflected = mirrored ? batch.flip(batch.rank() - 1) : batch;
        return reflected.rot90(quarterTurns, -2, -1);
    }

    @Override
    public Optional<Transform> inverse() {
        return Optional.of(mirrored ? this : new Dihedral(-quarterTurns, false));
    }

    @Override
    public String toString() {
        String rotation = "rot90^" + quarterTurns;
        return mirrored ? rotation + "*mirror" : rotation;
    }
}
