package org.equireg.nn;

import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/**
 * {@code x} where x &gt; 0, else {@code negativeSlope * x}; the derivative at 0 is the slope, as in
 * PyTorch. PyTorch: {@code torch.nn.LeakyReLU}.
 */
public final class LeakyReLU extends Module {
    private final double negativeSlope;

    /** PyTorch's default slope, 0.01. */
    public LeakyReLU() {
        this(0.01);
    }

    /** The given slope for negative inputs. */
    public LeakyReLU(double negativeSlope) {
        if (!Double.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("LeakyReLU: negativeSlope must be finite, got " + negativeSlope);
        }
        this.negativeSlope = negativeSlope;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Arguments.notNull(input, "LeakyReLU.forward", "input").leakyRelu(negativeSlope);
    }

    @Override
    protected String extraRepr() {
        return "negative_slope=" + negativeSlope;
    }
}
