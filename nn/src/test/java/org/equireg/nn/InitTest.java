package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

class InitTest {
    private static final int[] SHAPE = {200, 50, 3, 3};     // fan-in 450, fan-out 1800
    private static final int SIZE = 200 * 50 * 9;

    private static double variance(Tensor values) {
        Tensor centered = values.sub(values.mean());
        return centered.mul(centered).mean().item();
    }

    /** The sample variance lies within four standard errors of {@code expected}; for kurtosis k the error is sqrt((k - 1) / n) expected. */
    private static void assertVariance(double expected, Tensor values, double kurtosis) {
        double standardError = expected * Math.sqrt((kurtosis - 1) / values.size());
        assertEquals(expected, variance(values), 4 * standardError);
    }

    @Test
    void fansAndGainsMatchPyTorch() {
        assertEquals(new Init.Fans(24, 36), Init.Fans.of(6, 4, 3, 2));
        // torch.nn.init.calculate_gain
        assertEquals(1.6666666666666667, Init.Nonlinearity.TANH.gain(0), 1e-16);
        assertEquals(1.4142135623730951, Init.Nonlinearity.RELU.gain(0));
        assertEquals(1.3867504905630728, Init.Nonlinearity.LEAKY_RELU.gain(0.2), 1e-16);
        assertEquals(0.5773502691896257, Init.Nonlinearity.LEAKY_RELU.gain(Math.sqrt(5)), 1e-16);
        assertThrows(IllegalArgumentException.class, () -> Init.Fans.of(5));
    }

    @Test
    void kaimingAndXavierHaveTheirVariances() {
        SplittableRandom random = new SplittableRandom(1);
        double uniformKurtosis = 1.8;
        double normalKurtosis = 3;
        assertVariance(2.0 / 450, Init.kaimingUniformInPlace(Tensor.zeros(SHAPE), 0, Init.FanMode.FAN_IN,
                Init.Nonlinearity.RELU, random), uniformKurtosis);
        assertVariance(2.0 / 1800, Init.kaimingNormalInPlace(Tensor.zeros(SHAPE), 0, Init.FanMode.FAN_OUT,
                Init.Nonlinearity.RELU, random), normalKurtosis);
        assertVariance(2.0 / (450 + 1800), Init.xavierUniformInPlace(Tensor.zeros(SHAPE), 1, random), uniformKurtosis);
        double gain = 5.0 / 3;
        assertVariance(gain * gain * 2 / (450 + 1800), Init.xavierNormalInPlace(Tensor.zeros(SHAPE), gain, random),
                normalKurtosis);
    }

    @Test
    void layerDefaultsAreUniformWithinOneOverSqrtFanIn() {
        Tensor weight = Tensor.zeros(SHAPE);
        Tensor bias = Tensor.zeros(200);
        Init.layerDefaultsInPlace(weight, bias, new SplittableRandom(2));
        double bound = 1 / Math.sqrt(450);
        assertTrue(weight.abs().max().item() <= bound && bias.abs().max().item() <= bound);
        assertVariance(bound * bound / 3, weight, 1.8);
        assertEquals(SIZE, weight.size());
    }

    @Test
    void oneSeedFixesEveryDefaultInitialisation() {
        Init.seed(42);
        double[] first = new Sequential(new Linear(3, 4), new Conv2d(1, 2, 3, 1, 1)).stateDict().get("1.weight").toArray();
        Init.seed(42);
        double[] second = new Sequential(new Linear(3, 4), new Conv2d(1, 2, 3, 1, 1)).stateDict().get("1.weight").toArray();
        assertArrayEquals(first, second);
    }

    private static Map<String, Tensor> seededModel(long seed) {
        Init.seed(seed);
        return new Sequential(new Conv2d(1, 8, 3, 1, 1), new ReLU(), new Flatten(), new Linear(8 * 8 * 8, 64),
                new Linear(64, 10)).stateDict();
    }

    private static void assertSameWeights(Map<String, Tensor> expected, Map<String, Tensor> actual, String context) {
        assertEquals(expected.keySet(), actual.keySet(), context);
        expected.forEach((name, tensor) -> assertArrayEquals(tensor.toArray(), actual.get(name).toArray(), context + ": " + name));
    }

    @Test
    void threadsBuildingModelsAtOnceGetTheSingleThreadedWeights() throws Exception {
        Map<String, Tensor> alone = seededModel(7);
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int trial = 0; trial < 20; trial++) {
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<Map<String, Tensor>>> built = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    built.add(pool.submit(() -> {
                        start.await();
                        return seededModel(7);
                    }));
                }
                for (Future<Map<String, Tensor>> model : built) {
                    assertSameWeights(alone, model.get(), "trial " + trial);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void seedingOneThreadLeavesTheOthersAlone() throws Exception {
        Init.seed(3);
        double first = Init.defaultRandom().nextDouble();
        Thread other = new Thread(() -> Init.seed(99));
        other.start();
        other.join();
        Init.seed(3);
        assertEquals(first, Init.defaultRandom().nextDouble(), 0.0);

        // A new thread starts from seed 0, as this one does before any Init.seed.
        Map<String, Tensor> seededZero = seededModel(0);
        List<Map<String, Tensor>> fresh = new ArrayList<>();
        Thread builder = new Thread(() -> fresh.add(new Sequential(new Conv2d(1, 8, 3, 1, 1), new ReLU(), new Flatten(),
                new Linear(8 * 8 * 8, 64), new Linear(64, 10)).stateDict()));
        builder.start();
        builder.join();
        assertSameWeights(seededZero, fresh.get(0), "fresh thread");
    }
}
