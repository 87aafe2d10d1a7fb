package org.equireg.regularizer.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.equireg.core.GradMode;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;
import org.junit.jupiter.api.Test;

/**
 * Reliability tests (issue 7): threads, determinism and long runs. Every check compares doubles
 * bit for bit against a reference computed on one thread; none measures time.
 *
 * <p>This class: a model shared by threads for inference, models trained side by side, and the
 * per-thread grad mode.
 */
class ThreadsTest {
    private static final int THREADS = 8;
    private static final int PASSES = 40;

    /** The batch is large enough (64 x 128 -> 256) that the eight callers also share the kernel pool. */
    @Test
    void sharedModelInferenceUnderNoGradMatchesSequential() throws Exception {
        Module model = new TrainingRun(7, 128, 256, 10, 64).model();
        model.eval();
        SplittableRandom random = new SplittableRandom(11);
        List<Tensor> batches = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            batches.add(Tensor.rand(random, 64, 128));
        }
        List<double[]> expected = new ArrayList<>();
        for (Tensor batch : batches) {
            try (GradMode.Scope ignored = GradMode.noGrad()) {
                expected.add(model.apply(batch).toArray());
            }
        }

        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<double[][]> seen = runAll(THREADS, t -> () -> {
            start.await();
            double[][] outputs = new double[PASSES][];
            try (GradMode.Scope ignored = GradMode.noGrad()) {
                for (int pass = 0; pass < PASSES; pass++) {
                    Tensor output = model.apply(batches.get(t));
                    assertFalse(output.requiresGrad(), "no graph under noGrad");
                    outputs[pass] = output.toArray();
                }
            }
            return outputs;
        });
        for (int t = 0; t < THREADS; t++) {
            for (int pass = 0; pass < PASSES; pass++) {
                assertArrayEquals(expected.get(t), seen.get(t)[pass], "thread " + t + " pass " + pass);
            }
        }
    }

    @Test
    void separateModelsTrainConcurrentlyLikeSequentially() throws Exception {
        int models = 4;
        int steps = 150;
        List<double[]> curves = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            TrainingRun run = new TrainingRun(100 + m, 16, 32, 4, 8);
            curves.add(run.lossCurve(steps));
            weights.add(run.parameterValues());
        }

        CyclicBarrier start = new CyclicBarrier(models);
        List<double[][]> concurrent = runAll(models, m -> () -> {
            TrainingRun run = new TrainingRun(100 + m, 16, 32, 4, 8);
            start.await();
            return new double[][] {run.lossCurve(steps), run.parameterValues()};
        });
        for (int m = 0; m < models; m++) {
            assertArrayEquals(curves.get(m), concurrent.get(m)[0], "loss curve of model " + m);
            assertArrayEquals(weights.get(m), concurrent.get(m)[1], "final weights of model " + m);
            assertTrue(curves.get(m)[steps - 1] < curves.get(m)[0], "model " + m + " learns");
        }
    }

    @Test
    void gradModeIsPerThread() throws Exception {
        CountDownLatch disabled = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        Tensor x = Tensor.of(new double[] {1, 2, 3}, 3).requiresGrad(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> holder = pool.submit(() -> {
                try (GradMode.Scope ignored = GradMode.noGrad()) {
                    disabled.countDown();
                    checked.await();
                    return GradMode.isEnabled() || x.mul(2).requiresGrad();
                }
            });
            Future<Boolean> other = pool.submit(() -> {
                disabled.await();
                try {
                    return GradMode.isEnabled() && x.mul(2).requiresGrad();
                } finally {
                    checked.countDown();
                }
            });
            assertTrue(other.get(), "another thread keeps recording while one thread is in noGrad");
            assertFalse(holder.get(), "the noGrad thread records nothing meanwhile");
            assertTrue(GradMode.isEnabled(), "the test thread is untouched");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code task(i)} for i in [0, count) on count threads and returns the results in order. */
    private static <T> List<T> runAll(int count, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(task.apply(i)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
