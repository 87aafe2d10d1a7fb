package org.equireg.nn;

import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;

/**
 * {@code y = x W^T + b} over the last axis. Weight (out, in), bias (out), initialised as PyTorch
 * does: Kaiming-uniform with a = sqrt(5), i.e. U(-1/sqrt(in), 1/sqrt(in)) for both.
 * PyTorch: {@code torch.nn.Linear}.
 */
public final class Linear extends Module {
    private final Tensor weight;
    private final Tensor bias;

    /** A layer with bias, initialised from {@link Init#defaultRandom()}. */
    public Linear(int in, int out) {
        this(in, out, true, Init.defaultRandom());
    }

    /** A layer initialised from {@code random}; without bias when {@code withBias} is false. */
    public Linear(int in, int out, boolean withBias, RandomGenerator random) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Linear: needs in >= 1 and out >= 1, got in = " + in + ", out = " + out);
        }
        double bound = 1 / Math.sqrt(in);
        weight = registerParameter("weight", Init.uniform(random, -bound, bound, out, in));
        bias = withBias ? registerParameter("bias", Init.uniform(random, -bound, bound, out)) : null;
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor product = input.matmul(weight.transpose());
        return bias == null ? product : product.add(bias);
    }

    @Override
    protected String extraRepr() {
        return "in=" + weight.dim(1) + ", out=" + weight.dim(0) + ", bias=" + (bias != null);
    }
}
