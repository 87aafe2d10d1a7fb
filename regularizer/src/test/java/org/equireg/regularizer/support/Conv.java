package org.equireg.regularizer.support;

import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;

/** A 2-D convolution with given weight (out, in, k, k) and bias (out), stride 1, "same" zero padding. */
public final class Conv extends Module {
    private final Tensor weight;
    private final Tensor bias;

    public Conv(Tensor weight, Tensor bias) {
        this.weight = registerParameter("weight", weight);
        this.bias = registerParameter("bias", bias);
    }

    public static Conv random(int in, int out, int kernel, RandomGenerator random) {
        return new Conv(Tensor.randn(random, out, in, kernel, kernel).mul(1 / Math.sqrt(in * kernel * kernel)).detach(),
                Tensor.randn(random, out).mul(0.1).detach());
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.conv2d(weight, bias, 1, weight.dim(-1) / 2);
    }
}
