package org.equireg.nn;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.equireg.core.Autograd;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Hessian-vector products of layers and losses against PyTorch ({@code second_order} in
 * nn_goldens.py): for {@code s = <upstream, head(layer(x))>} with PyTorch's weights, the gradients
 * of x and of every parameter (computed with createGraph) and {@code d <gradients, directions> / d t}
 * for x and every parameter t, within 1e-10 relative (the bar for second-order goldens);
 * and the same in float32 against PyTorch's float32.
 */
class SecondOrderGoldenTest {
    private static final Golden GOLDEN = Golden.load("second_order");
    /** Relative bar of the second-order goldens; the absolute one keeps zeros exact up to rounding. */
    private static final double RELATIVE = 1e-10;
    private static final double ABSOLUTE = 1e-13;
    /** float32 against PyTorch's float32, relative to the largest magnitude: core's float32 golden bar. */
    private static final double FLOAT32_RELATIVE = 1e-5;

    /** A layer and the head applied to its output (a loss of the fixture's target, or the identity). */
    private record Case(Supplier<Module> layer, BiFunction<Tensor, Tensor, Tensor> head) {
    }

    private static Case layer(Supplier<Module> layer) {
        return new Case(layer, (y, target) -> y);
    }

    private static int[] labels(Tensor target) {
        double[] values = target.toArray();
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = (int) values[i];
        }
        return labels;
    }

    private static Module mlp() {
        return new Sequential(new Linear(4, 5), new Tanh(), new Linear(5, 3));
    }

    /** The same cases as {@code second_order_cases} in nn_goldens.py. */
    private static final Map<String, Case> CASES = Map.ofEntries(
            entry("gelu", layer(GELU::new)),
            entry("gelu_tanh", layer(GELU::tanhApproximation)),
            entry("layer_norm", layer(() -> new LayerNorm(2, 3))),
            entry("batch_norm_1d_train", layer(() -> new BatchNorm1d(3))),
            entry("batch_norm_2d_train", layer(() -> new BatchNorm2d(2))),
            entry("mlp", layer(SecondOrderGoldenTest::mlp)),
            entry("conv_tanh_linear", layer(() -> new Sequential(new Conv2d(2, 3, 3, 1, 1), new Tanh(), new Flatten(),
                    new Linear(3 * 4 * 4, 2)))),
            entry("mlp_cross_entropy", new Case(SecondOrderGoldenTest::mlp,
                    (y, target) -> Losses.crossEntropy(y, labels(target)))),
            entry("mlp_mse_sum", new Case(SecondOrderGoldenTest::mlp,
                    (y, target) -> Losses.mse(y, target, Reduction.SUM))),
            entry("cross_entropy_probabilities_smoothing", new Case(Identity::new,
                    (y, target) -> Losses.crossEntropy(y, target, 0.2, Reduction.MEAN))),
            entry("nll_none", new Case(Identity::new,
                    (y, target) -> Losses.nll(y.logSoftmax(1), labels(target), Reduction.NONE))),
            entry("bce_logits_mean", new Case(Identity::new, Losses::binaryCrossEntropyWithLogits)),
            entry("smooth_l1_none", new Case(Identity::new,
                    (y, target) -> Losses.smoothL1(y, target, 0.7, Reduction.NONE))));

    @Test
    void everyFixtureCaseHasACaseAndViceVersa() {
        assertEquals(new java.util.TreeSet<>(CASES.keySet()), GOLDEN.cases());
    }

    @TestFactory
    Stream<DynamicTest> hessianVectorProductsMatchPyTorch() {
        return GOLDEN.cases().stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name, DType.FLOAT64)));
    }

    @TestFactory
    Stream<DynamicTest> float32HessianVectorProductsMatchPyTorchFloat32() {
        return GOLDEN.cases().stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name, DType.FLOAT32)));
    }

    private static void check(String name, DType dtype) {
        String results = name + (dtype == DType.FLOAT64 ? "/" : "/float32/");
        Case golden = CASES.get(name);
        Module module = golden.layer().get();
        module.loadStateDict(GOLDEN.under(name + "/state/"));
        module.to(dtype);
        Map<String, Tensor> leaves = new LinkedHashMap<>();
        leaves.put("input", GOLDEN.get(name + "/input").copy().to(dtype).requiresGrad(true));
        leaves.putAll(module.namedParameters());
        Tensor target = GOLDEN.has(name + "/target") ? GOLDEN.get(name + "/target").to(dtype) : null;
        Tensor output = golden.head().apply(module.forward(leaves.get("input")), target);
        assertEquals(dtype, output.dtype(), name + " output type");
        compare(GOLDEN.get(results + "output"), output, dtype, name + " output");
        List<Tensor> tensors = new ArrayList<>(leaves.values());
        List<Tensor> grads = Autograd.grad(List.of(output), tensors,
                List.of(GOLDEN.get(name + "/upstream").to(dtype)), true);
        List<Tensor> directions = new ArrayList<>();
        List<String> keys = new ArrayList<>(leaves.keySet());
        for (int k = 0; k < keys.size(); k++) {
            compare(GOLDEN.get(results + "grad/" + keys.get(k)), grads.get(k), dtype,
                    name + " gradient of " + keys.get(k));
            directions.add(GOLDEN.get(name + "/direction/" + keys.get(k)).to(dtype));
        }
        List<Tensor> hvps = Autograd.grad(grads, tensors, directions, false);
        for (int k = 0; k < keys.size(); k++) {
            assertEquals(dtype, hvps.get(k).dtype(), name + " type of the Hessian-vector product of " + keys.get(k));
            compare(GOLDEN.get(results + "hvp/" + keys.get(k)), hvps.get(k), dtype,
                    name + " Hessian-vector product of " + keys.get(k));
        }
    }

    /**
     * float64: {@link #RELATIVE} per element. float32 against PyTorch's float32: both round in
     * float32 but sum in different orders, so the bar is {@link #FLOAT32_RELATIVE} of the largest
     * expected magnitude, as in core's float32 goldens.
     */
    private static void compare(Tensor expected, Tensor actual, DType dtype, String what) {
        if (dtype == DType.FLOAT64) {
            Golden.assertClose(expected, actual, ABSOLUTE, RELATIVE, what);
            return;
        }
        double scale = Double.MIN_NORMAL;
        for (double value : expected.buffer()) {
            scale = Math.max(scale, Math.abs(value));
        }
        Golden.assertClose(expected, actual.to(DType.FLOAT64), FLOAT32_RELATIVE * scale, 0, what);
    }
}
