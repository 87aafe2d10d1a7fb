package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.equireg.core.GradCheck;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

class LossesTest {
    private static final GradCheck GRAD_CHECK = GradCheck.standard();
    private static final int[] LABELS = {2, 0, 1, 2};

    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new SplittableRandom(seed), shape);
    }

    private static Tensor probabilities() {
        return randn(3, 4, 3).softmax(1);
    }

    @Test
    void regressionLossesHaveCorrectGradients() {
        Tensor input = randn(1, 3, 4);
        Tensor target = randn(2, 3, 4);
        for (Reduction reduction : Reduction.values()) {
            GRAD_CHECK.check(x -> Losses.mse(x[0], x[1], reduction), input, target);
            GRAD_CHECK.check(x -> Losses.l1(x[0], x[1], reduction), input, target);
            GRAD_CHECK.check(x -> Losses.smoothL1(x[0], x[1], 0.7, reduction), input, target);
        }
    }

    @Test
    void classificationLossesHaveCorrectGradients() {
        Tensor logits = randn(1, 4, 3);
        for (Reduction reduction : Reduction.values()) {
            GRAD_CHECK.check(x -> Losses.crossEntropy(x[0], LABELS, 0.1, reduction), logits);
            GRAD_CHECK.check(x -> Losses.crossEntropy(x[0], x[1], 0.2, reduction), logits, probabilities());
            GRAD_CHECK.check(x -> Losses.nll(x[0].logSoftmax(1), LABELS, reduction), logits);
            GRAD_CHECK.check(x -> Losses.binaryCrossEntropyWithLogits(x[0], x[1], reduction), logits,
                    randn(2, 4, 3).sigmoid());
        }
    }

    @Test
    void reductionsAreMeanSumAndNone() {
        Tensor input = randn(1, 3, 4);
        Tensor target = randn(2, 3, 4);
        Tensor none = Losses.mse(input, target, Reduction.NONE);
        assertArrayEquals(new int[] {3, 4}, none.shape());
        assertEquals(none.sum().item(), Losses.mse(input, target, Reduction.SUM).item(), 0.0);
        assertEquals(none.sum().item() / 12, Losses.mse(input, target).item(), 1e-15);
        assertArrayEquals(new int[] {4}, Losses.crossEntropy(randn(1, 4, 3), LABELS, 0, Reduction.NONE).shape());
    }

    @Test
    void crossEntropyIsStableForHugeLogits() {
        Tensor logits = Tensor.of(new double[] {1e4, 0, -1e4, -1e4, 1e4, 1e4}, 2, 3).requiresGrad(true);
        Tensor losses = Losses.crossEntropy(logits, new int[] {0, 0}, 0, Reduction.NONE);
        assertArrayEquals(new double[] {0, 2e4 + Math.log(2)}, losses.toArray(), 1e-12);
        losses.sum().backward();
        assertArrayEquals(new double[] {0, 0, 0, -1, 0.5, 0.5}, logits.grad().toArray(), 1e-15);
    }

    @Test
    void binaryCrossEntropyIsStableForHugeLogitsAndExactAtZero() {
        Tensor logits = Tensor.of(new double[] {1e4, -1e4, 1e4, -1e4, 0, 0}, 6).requiresGrad(true);
        Tensor targets = Tensor.of(new double[] {1, 0, 0, 1, 1, 0.25}, 6);
        Tensor losses = Losses.binaryCrossEntropyWithLogits(logits, targets, Reduction.NONE);
        assertArrayEquals(new double[] {0, 0, 1e4, 1e4, Math.log(2), Math.log(2)}, losses.toArray(), 1e-15);
        losses.sum().backward();
        assertArrayEquals(new double[] {0, 0, 1, -1, -0.5, 0.25}, logits.grad().toArray(), 1e-15);
    }

    @Test
    void labelSmoothingMixesInTheUniformDistribution() {
        Tensor logits = randn(1, 4, 3);
        double smoothing = 0.3;
        double[] oneHot = new double[12];
        for (int i = 0; i < LABELS.length; i++) {
            oneHot[i * 3 + LABELS[i]] = 1;
        }
        Tensor smoothedTargets = Tensor.of(oneHot, 4, 3).mul(1 - smoothing).add(smoothing / 3);
        assertEquals(Losses.crossEntropy(logits, smoothedTargets).item(),
                Losses.crossEntropy(logits, LABELS, smoothing, Reduction.MEAN).item(), 1e-15);
        assertEquals(Losses.crossEntropy(logits, Tensor.of(oneHot, 4, 3), smoothing, Reduction.MEAN).item(),
                Losses.crossEntropy(logits, LABELS, smoothing, Reduction.MEAN).item(), 1e-15);
    }

    @Test
    void labelsMayBeATensorOfWholeNumbers() {
        Tensor logits = randn(1, 4, 3);
        assertEquals(Losses.crossEntropy(logits, LABELS).item(),
                Losses.crossEntropy(logits, Tensor.of(new double[] {2, 0, 1, 2}, 4)).item(), 0.0);
        String message = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(logits, Tensor.of(new double[] {2, 0.5, 1, 2}, 4))).getMessage();
        assertTrue(message.contains("0.5 at position 1"), message);
    }

    @Test
    void smoothL1IsQuadraticInsideBetaAndLinearOutside() {
        Tensor input = Tensor.of(new double[] {0.5, 3, -3}, 3);
        Tensor losses = Losses.smoothL1(input, Tensor.zeros(3), 2.0, Reduction.NONE);
        assertArrayEquals(new double[] {0.0625, 2, 2}, losses.toArray());
        assertArrayEquals(new double[] {0.5, 3, 3}, Losses.smoothL1(input, Tensor.zeros(3), 0, Reduction.NONE).toArray());
    }

    @Test
    void badArgumentsAreNamed() {
        Tensor logits = randn(1, 4, 3);
        assertEquals("crossEntropy: label 3 at position 1 is not a class index in [0, 3)",
                assertThrows(IllegalArgumentException.class,
                        () -> Losses.crossEntropy(logits, new int[] {0, 3, 0, 0})).getMessage());
        assertEquals("crossEntropy: 2 labels for a batch of 4 (input shape [4, 3])",
                assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(logits, new int[] {0, 1})).getMessage());
        assertEquals("mse: input shape [4, 3] differs from target shape [3, 4]",
                assertThrows(IllegalArgumentException.class, () -> Losses.mse(logits, randn(2, 3, 4))).getMessage());
    }
}
