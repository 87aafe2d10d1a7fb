package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /** As torch.manual_seed: reseeding after the layer was built fixes the next mask. */
    @Test
    void initSeedAfterConstructionFixesTheMasks() {
        Dropout dropout = new Dropout(0.5);
        Tensor input = Tensor.ones(64);
        Init.seed(5);
        double[] first = dropout.forward(input).toArray();
        Init.seed(5);
        assertArrayEquals(first, dropout.forward(input).toArray(), "the same seed, the same mask");
        Init.seed(6);
        assertFalse(Arrays.equals(first, dropout.forward(input).toArray()), "another seed, another mask");
    }

    /**
     * A layer built on one thread and run on another draws from the running thread's generator:
     * the run is reproducible while the building thread keeps drawing (building more layers).
     */
    @Test
    void masksFollowTheThreadRunningForwardWhateverOtherThreadsDo() throws Exception {
        Dropout dropout = new Dropout(0.5);
        Tensor input = Tensor.ones(256);
        Callable<double[]> training = () -> {
            Init.seed(11);
            double[] masks = new double[0];
            for (int step = 0; step < 20; step++) {
                double[] mask = dropout.forward(input).toArray();
                masks = java.util.stream.DoubleStream.concat(Arrays.stream(masks), Arrays.stream(mask)).toArray();
            }
            return masks;
        };
        ExecutorService trainer = Executors.newSingleThreadExecutor();
        try {
            double[] quiet = trainer.submit(training).get();
            Future<double[]> busy = trainer.submit(training);
            while (!busy.isDone()) {
                new Linear(32, 32); // this thread builds layers meanwhile, drawing from its own generator
            }
            assertArrayEquals(quiet, busy.get());
        } finally {
            trainer.shutdownNow();
        }
        Init.seed(11);
        double[] here = dropout.forward(input).toArray();
        Init.seed(11);
        assertArrayEquals(here, dropout.forward(input).toArray(), "also on the building thread");
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
