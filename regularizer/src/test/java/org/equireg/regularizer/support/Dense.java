package org.equireg.regularizer.support;

import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;

/** {@code x W^T + b} with given parameter tensors, so gradient checks can pass in their own leaves. */
public final class Dense extends Module {
    private final Tensor weight;
    private final Tensor bias;

    public Dense(Tensor weight, Tensor bias) {
        this.weight = registerParameter("weight", weight);
        this.bias = registerParameter("bias", bias);
    }

    /** Standard-normal weights scaled by 1/sqrt(in), zero-mean normal bias of std 0.1. */
    public static Dense random(int in, int out, RandomGenerator random) {
        return new Dense(Tensor.randn(random, out, in).mul(1 / Math.sqrt(in)).detach(),
                Tensor.randn(random, out).mul(0.1).detach());
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.matmul(weight.transpose()).add(bias);
    }
}
