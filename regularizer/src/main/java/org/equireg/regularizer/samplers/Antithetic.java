package org.equireg.regularizer.samplers;

import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;

/**
 * Antithetic pairs: {@code ceil(n / 2)} points v from a base sampler and their reflections r(v)
 * (for a box {@code low + high - v}, for a symmetric law {@code 2 mean - v}); the first n of
 * {@code [v, r(v)]} are returned. r must preserve the base distribution, so every point has the
 * base law and the estimate stays unbiased; the variance falls when the error at v and at r(v) are
 * negatively correlated (Hammersley and Morton 1956).
 */
final class Antithetic implements Sampler {
    private final Sampler base;
    private final UnaryOperator<Tensor> reflection;

    Antithetic(Sampler base, UnaryOperator<Tensor> reflection) {
        this.base = base;
        this.reflection = reflection;
    }

    @Override
    public void check(int[] shape) {
        base.check(shape);
    }

    @Override
    public Tensor sample(int n, int[] shape, RandomGenerator random) {
        BatchShapes.checkSampleArguments(this, n, shape, random);
        Tensor half = base.sample((n + 1) / 2, shape, random);
        Tensor pairs = Tensor.concat(0, half, reflection.apply(half));
        return pairs.slice(0, 0, n).detach();
    }

    @Override
    public boolean independentSamples() {
        return false;
    }

    @Override
    public String toString() {
        return "antithetic " + base;
    }
}
