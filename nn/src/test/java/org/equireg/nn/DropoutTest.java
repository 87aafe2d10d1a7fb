package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.equireg.core.GradCheck;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

class DropoutTest extends ModuleContract {
    @Override
    Module create(RandomGenerator random) {
        return new Dropout(0.3, random);
    }

    @Override
    Tensor input(RandomGenerator random) {
        return Tensor.randn(random, 3, 4);
    }

    @Override
    boolean deterministicInTraining() {
        return false;
    }

    @Test
    void keepsAFractionOneMinusPScaledSoTheMeanIsUnchanged() {
        int n = 100_000;
        Tensor output = new Dropout(0.3, new SplittableRandom(1)).forward(Tensor.ones(n));
        long kept = java.util.Arrays.stream(output.buffer()).filter(value -> value != 0).count();
        double standardError = Math.sqrt(0.3 * 0.7 / n);
        assertEquals(0.7, (double) kept / n, 4 * standardError);
        java.util.Arrays.stream(output.buffer()).filter(value -> value != 0)
                .forEach(value -> assertEquals(1 / 0.7, value, 0.0));
    }

    @Test
    void theSameSeedGivesTheSameMask() {
        Tensor input = Tensor.ones(50);
        assertArrayEquals(new Dropout(0.5, new SplittableRandom(7)).forward(input).toArray(),
                new Dropout(0.5, new SplittableRandom(7)).forward(input).toArray());
    }

    @Test
    void evaluationModeAndZeroProbabilityReturnTheInput() {
        Tensor input = Tensor.ones(5);
        assertSame(input, new Dropout(0.5).eval().forward(input));
        assertSame(input, new Dropout(0).forward(input));
        assertArrayEquals(new double[5], new Dropout(1).forward(input).toArray());
    }

    @Test
    void gradientIsTheMaskForAFixedSeed() {
        GradCheck.standard().check(x -> new Dropout(0.4, new SplittableRandom(3)).forward(x[0]),
                Tensor.randn(new SplittableRandom(4), 3, 4));
        Tensor x = Tensor.ones(20).requiresGrad(true);
        Tensor y = new Dropout(0.4, new SplittableRandom(3)).forward(x);
        y.sum().backward();
        assertArrayEquals(y.toArray(), x.grad().toArray());
        assertTrue(y.sum().item() > 0);
    }
}
