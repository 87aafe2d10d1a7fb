package org.equireg.regularizer.support;

import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;

/**
 * Two circular convolutions of signals {@code (batch, length)} with a tanh between:
 * {@code y = sum_k w_k roll(x, k)}. Each layer commutes with roll exactly (the same products,
 * summed in the same order, at shifted positions), so the model is equivariant under roll by
 * construction.
 */
public final class CircularConvNet extends Module {
    private final Tensor first;
    private final Tensor second;
    private final Tensor bias;

    public CircularConvNet(int taps, RandomGenerator random) {
        first = registerParameter("first", Tensor.randn(random, taps));
        second = registerParameter("second", Tensor.randn(random, taps));
        bias = registerParameter("bias", Tensor.randn(random, 1));
    }

    private static Tensor circularConvolution(Tensor x, Tensor taps) {
        Tensor sum = x.mul(taps.slice(0, 0, 1));
        for (int k = 1; k < taps.size(); k++) {
            sum = sum.add(x.roll(k, 1).mul(taps.slice(0, k, k + 1)));
        }
        return sum;
    }

    @Override
    public Tensor forward(Tensor input) {
        return circularConvolution(circularConvolution(input, first).add(bias).tanh(), second);
    }
}
