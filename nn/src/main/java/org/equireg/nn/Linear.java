package org.equireg.nn;

import java.util.random.RandomGenerator;
import org.equireg.core.Arguments;
import org.equireg.core.Tensor;
import org.equireg.core.ops.Activation;
import org.equireg.core.ops.LinearActivation;

/**
 * {@code y = x W^T + b} over the last axis: input (..., in), output (..., out). Weight (out, in),
 * bias (out), initialised as PyTorch does ({@link Init#layerDefaultsInPlace}: both from
 * U(-1/sqrt(in), 1/sqrt(in))). PyTorch: {@code torch.nn.Linear}.
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
        weight = registerParameter("weight", Tensor.zeros(out, in));
        bias = withBias ? registerParameter("bias", Tensor.zeros(out)) : null;
        Init.layerDefaultsInPlace(weight, bias, random);
    }

    /** The weight (out, in), a live parameter. */
    public Tensor weight() {
        return weight;
    }

    /** The bias (out), a live parameter, or {@code null} for a layer without bias. */
    public Tensor bias() {
        return bias;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Arguments.notNull(input, "Linear.forward", "input").linear(weight, bias);
    }

    /**
     * The layer and {@code activation} after it as one fused op, bit for bit
     * {@code activation(forward(input))} (how {@link Sequential} runs a Linear followed by ReLU, Tanh or Sigmoid).
     */
    Tensor forward(Tensor input, Activation activation) {
        return LinearActivation.apply(Arguments.notNull(input, "Linear.forward", "input"), weight, bias, activation);
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + weight.dim(1) + ", out_features=" + weight.dim(0) + ", bias=" + (bias != null);
    }
}
