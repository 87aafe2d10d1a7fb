package org.equireg.nn;

import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/**
 * Gaussian error linear unit (Hendrycks and Gimpel, 2016). Exact form (PyTorch's default):
 * {@code x Phi(x)} with Phi the standard normal distribution function ({@link NormalCdf}); its
 * derivative is {@code Phi(x) + x phi(x)}. Tanh form ({@link #tanhApproximation()}, PyTorch's
 * {@code approximate='tanh'}): {@code x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}.
 * PyTorch: {@code torch.nn.GELU}.
 */
public final class GELU extends Module {
    private static final double SQRT_TWO_OVER_PI = 0.7978845608028654;
    private static final double CUBIC = 0.044715;

    private final boolean tanhForm;

    /** The exact form. */
    public GELU() {
        this(false);
    }

    private GELU(boolean tanhForm) {
        this.tanhForm = tanhForm;
    }

    /** The tanh approximation. */
    public static GELU tanhApproximation() {
        return new GELU(true);
    }

    @Override
    public Tensor forward(Tensor input) {
        Arguments.notNull(input, "GELU.forward", "input");
        if (!tanhForm) {
            return input.mul(NormalCdf.apply(input));
        }
        Tensor inner = input.add(input.pow(3).mul(CUBIC)).mul(SQRT_TWO_OVER_PI);
        return input.mul(0.5).mul(inner.tanh().add(1));
    }

    @Override
    protected String extraRepr() {
        return tanhForm ? "approximate='tanh'" : "";
    }
}
