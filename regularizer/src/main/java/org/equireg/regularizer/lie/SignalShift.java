package org.equireg.regularizer.lie;

import org.equireg.core.Arguments;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Shift of 1-D signals {@code (batch, ..., length)} by t samples towards larger indices with linear
 * interpolation, {@code T_t x [k] = x(k - t)}: the tangent is {@code -(x[k + 1] - x[k - 1]) / 2},
 * the central derivative at the kink of linear interpolation, as for the image warps.
 */
final class SignalShift implements LieGenerator {
    private final boolean cyclic;

    SignalShift(boolean cyclic) {
        this.cyclic = cyclic;
    }

    @Override
    public Tensor tangent(Tensor signals) {
        Arguments.notNull(signals, "LieGenerator." + name() + ".tangent", "signals");
        if (signals.rank() < 2) {
            throw new IllegalArgumentException("LieGenerator." + name() + ".tangent: needs signals (batch, ..., length),"
                    + " got shape " + Shapes.str(signals.shape()));
        }
        CentralDifference.Boundary boundary = cyclic ? CentralDifference.Boundary.CYCLIC : CentralDifference.Boundary.ZEROS;
        return CentralDifference.along(signals, -1, boundary).neg();
    }

    @Override
    public String name() {
        return cyclic ? "cyclic shift" : "shift";
    }

    @Override
    public String toString() {
        return name() + " generator (signals, " + (cyclic ? "cyclic" : "zeros outside") + ")";
    }
}
