package org.equireg.regularizer.support;

import java.util.List;
import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;

/**
 * {@code Dense - tanh - Dense [- softmax]}, with PyTorch Sequential state-dict names ("0.weight",
 * "0.bias", "2.weight", "2.bias").
 */
public final class Mlp extends Module {
    private final Dense first;
    private final Dense second;
    private final boolean softmax;

    public Mlp(Dense first, Dense second, boolean softmax) {
        this.first = registerModule("0", first);
        this.second = registerModule("2", second);
        this.softmax = softmax;
    }

    public static Mlp random(int in, int hidden, int out, RandomGenerator random) {
        return new Mlp(Dense.random(in, hidden, random), Dense.random(hidden, out, random), false);
    }

    /** An MLP whose parameters are the given leaves, in state-dict order (0.weight, 0.bias, 2.weight, 2.bias). */
    public static Mlp of(List<Tensor> parameters, boolean softmax) {
        return new Mlp(new Dense(parameters.get(0), parameters.get(1)), new Dense(parameters.get(2), parameters.get(3)),
                softmax);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor output = second.forward(first.forward(input).tanh());
        return softmax ? output.softmax(-1) : output;
    }
}
