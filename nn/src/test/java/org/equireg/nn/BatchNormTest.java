package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BatchNormTest {

    /** Random affine parameters and running statistics, so that round trips and eval mode mean something. */
    static <B extends BatchNorm> B randomized(B layer, RandomGenerator random) {
        Init.uniformInPlace(layer.namedParameters().get("weight"), 0.5, 1.5, random);
        Init.uniformInPlace(layer.namedParameters().get("bias"), -0.5, 0.5, random);
        Init.uniformInPlace(layer.runningMean(), -0.5, 0.5, random);
        Init.uniformInPlace(layer.runningVar(), 0.5, 1.5, random);
        return layer;
    }

    @Nested
    class OneD extends ModuleContract {
        @Override
        Module create(RandomGenerator random) {
            return randomized(new BatchNorm1d(3), random);
        }

        @Override
        Tensor input(RandomGenerator random) {
            return Tensor.randn(random, 4, 3);
        }
    }

    @Nested
    class OneDWithLength extends ModuleContract {
        @Override
        Module create(RandomGenerator random) {
            return randomized(new BatchNorm1d(2, 1e-3, 0.2), random);
        }

        @Override
        Tensor input(RandomGenerator random) {
            return Tensor.randn(random, 3, 2, 4);
        }
    }

    @Nested
    class TwoD extends ModuleContract {
        @Override
        Module create(RandomGenerator random) {
            return randomized(new BatchNorm2d(2), random);
        }

        @Override
        Tensor input(RandomGenerator random) {
            return Tensor.randn(random, 2, 2, 3, 3);
        }
    }

    @Test
    void trainingNormalisesEachChannelAndTracksUnbiasedRunningStatistics() {
        Tensor input = Tensor.of(new double[] {1, 10, 2, 20, 3, 30, 6, 60}, 4, 2);
        BatchNorm1d layer = new BatchNorm1d(2);
        Tensor output = layer.forward(input);
        assertEquals(0.0, output.sum(0, false).abs().max().item(), 1e-12);
        // channel 0: mean 3, biased variance 3.5, unbiased 14/3
        assertArrayEquals(new double[] {0.3, 3.0}, layer.runningMean().toArray(), 1e-15);
        assertArrayEquals(new double[] {0.9 + 0.1 * 14 / 3, 0.9 + 0.1 * 1400 / 3}, layer.runningVar().toArray(), 1e-12);
        assertEquals(1.0, layer.namedBuffers().get("num_batches_tracked").item());
        assertEquals(-2 / Math.sqrt(3.5 + 1e-5), output.get(0, 0), 1e-15);
    }

    @Test
    void evaluationUsesTheRunningStatisticsAndLeavesThemAlone() {
        BatchNorm2d layer = randomized(new BatchNorm2d(2), new SplittableRandom(1));
        layer.eval();
        double[] mean = layer.runningMean().toArray();
        Tensor input = Tensor.randn(new SplittableRandom(2), 2, 2, 2, 2);
        Tensor output = layer.forward(input);
        double expected = (input.get(1, 1, 0, 1) - mean[1]) / Math.sqrt(layer.runningVar().get(1) + 1e-5)
                * layer.namedParameters().get("weight").get(1) + layer.namedParameters().get("bias").get(1);
        assertEquals(expected, output.get(1, 1, 0, 1), 1e-15);
        assertArrayEquals(mean, layer.runningMean().toArray());
    }

    @Test
    void stateDictHasPyTorchsNames() {
        assertEquals(java.util.List.of("weight", "bias", "running_mean", "running_var", "num_batches_tracked"),
                java.util.List.copyOf(new BatchNorm2d(3).stateDict().keySet()));
    }

    @Test
    void rejectsAChannelMismatchAndASingleValuePerChannel() {
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm2d(3).forward(Tensor.zeros(2, 2, 3, 3)));
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm1d(3).forward(Tensor.zeros(1, 3)));
    }
}
