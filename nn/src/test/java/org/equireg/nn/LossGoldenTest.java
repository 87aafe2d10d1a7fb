package org.equireg.nn;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every loss and reduction against PyTorch: value and input gradient, including logits of size 1e4. */
class LossGoldenTest {
    private static final Golden GOLDEN = Golden.load("losses");

    /** The cases of {@code losses()} in nn_goldens.py: (input, target) to loss. */
    private static final Map<String, BinaryOperator<Tensor>> CASES = Map.ofEntries(
            entry("mse_mean", Losses::mse),
            entry("mse_sum", (x, t) -> Losses.mse(x, t, Reduction.SUM)),
            entry("mse_none", (x, t) -> Losses.mse(x, t, Reduction.NONE)),
            entry("l1_mean", Losses::l1),
            entry("l1_none", (x, t) -> Losses.l1(x, t, Reduction.NONE)),
            entry("smooth_l1_mean", Losses::smoothL1),
            entry("smooth_l1_beta_half_sum", (x, t) -> Losses.smoothL1(x, t, 0.5, Reduction.SUM)),
            entry("cross_entropy_mean", Losses::crossEntropy),
            entry("cross_entropy_sum", (x, t) -> Losses.crossEntropy(x, t, 0, Reduction.SUM)),
            entry("cross_entropy_none", (x, t) -> Losses.crossEntropy(x, t, 0, Reduction.NONE)),
            entry("cross_entropy_smoothing", (x, t) -> Losses.crossEntropy(x, t, 0.1, Reduction.MEAN)),
            entry("cross_entropy_probabilities", Losses::crossEntropy),
            entry("cross_entropy_probabilities_smoothing_none", (x, t) -> Losses.crossEntropy(x, t, 0.2, Reduction.NONE)),
            entry("cross_entropy_huge_none", (x, t) -> Losses.crossEntropy(x, t, 0, Reduction.NONE)),
            entry("nll_mean", (x, t) -> Losses.nll(x, labels(t))),
            entry("nll_none", (x, t) -> Losses.nll(x, labels(t), Reduction.NONE)),
            entry("bce_logits_mean", Losses::binaryCrossEntropyWithLogits),
            entry("bce_logits_huge_none", (x, t) -> Losses.binaryCrossEntropyWithLogits(x, t, Reduction.NONE)));

    private static int[] labels(Tensor target) {
        return java.util.Arrays.stream(target.buffer()).mapToInt(value -> (int) value).toArray();
    }

    @Test
    void everyFixtureCaseHasALossAndViceVersa() {
        assertEquals(new java.util.TreeSet<>(CASES.keySet()), GOLDEN.cases());
    }

    @TestFactory
    Stream<DynamicTest> valuesAndGradientsMatchPyTorch() {
        return GOLDEN.cases().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Tensor input = GOLDEN.get(name + "/input").copy().requiresGrad(true);
            Tensor value = CASES.get(name).apply(input, GOLDEN.get(name + "/target"));
            Golden.assertClose(GOLDEN.get(name + "/value"), value, name + " value");
            value.backward(GOLDEN.get(name + "/upstream"));
            Golden.assertClose(GOLDEN.get(name + "/grad/input"), input.grad(), name + " input gradient");
        }));
    }
}
