package org.equireg.nn;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every layer against PyTorch: forward values and input and parameter gradients for the same weights. */
class LayerGoldenTest {
    private static final Golden GOLDEN = Golden.load("layers");

    /** The same cases as {@code LAYER_CASES} in nn_goldens.py; names ending in "_eval" run in evaluation mode. */
    private static final Map<String, Supplier<Module>> CASES = Map.ofEntries(
            entry("linear", () -> new Linear(3, 2)),
            entry("linear_no_bias", () -> new Linear(3, 2, false, Init.defaultRandom())),
            entry("conv", () -> new Conv2d(2, 3, 3, 1, 1)),
            entry("conv_no_bias", () -> new Conv2d(3, 2, 2, 1, 0, 1, 1, false, Init.defaultRandom())),
            entry("conv_strided_dilated_grouped", () -> new Conv2d(4, 6, 3, 2, 2, 2, 2, true, Init.defaultRandom())),
            entry("max_pool", () -> new MaxPool2d(2)),
            entry("max_pool_overlapping", () -> new MaxPool2d(3, 2, 1)),
            entry("avg_pool", () -> new AvgPool2d(2)),
            entry("avg_pool_padded", () -> new AvgPool2d(3, 2, 1)),
            entry("adaptive_avg_pool", () -> new AdaptiveAvgPool2d(2, 3)),
            entry("adaptive_avg_pool_upsampling", () -> new AdaptiveAvgPool2d(4, 3)),
            entry("flatten", Flatten::new),
            entry("batch_norm_1d_train", () -> new BatchNorm1d(3)),
            entry("batch_norm_1d_eval", () -> new BatchNorm1d(3)),
            entry("batch_norm_1d_length_train", () -> new BatchNorm1d(2)),
            entry("batch_norm_2d_train", () -> new BatchNorm2d(3)),
            entry("batch_norm_2d_eval", () -> new BatchNorm2d(3)),
            entry("layer_norm", () -> new LayerNorm(2, 3)),
            entry("identity", Identity::new),
            entry("relu", ReLU::new),
            entry("leaky_relu", () -> new LeakyReLU(0.2)),
            entry("tanh", Tanh::new),
            entry("sigmoid", Sigmoid::new),
            entry("gelu", GELU::new),
            entry("gelu_tanh", GELU::tanhApproximation),
            entry("softmax", () -> new Softmax(1)),
            entry("log_softmax", () -> new LogSoftmax(-1)),
            entry("sequential", () -> new Sequential(new Linear(4, 5), new ReLU(), new Linear(5, 3))));

    @Test
    void everyFixtureCaseHasALayerAndViceVersa() {
        assertEquals(new java.util.TreeSet<>(CASES.keySet()), GOLDEN.cases());
    }

    @TestFactory
    Stream<DynamicTest> forwardAndGradientsMatchPyTorch() {
        return GOLDEN.cases().stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
    }

    private static void check(String name) {
        Module module = CASES.get(name).get();
        module.train(!name.endsWith("_eval"));
        module.loadStateDict(GOLDEN.under(name + "/state/"));
        Tensor input = GOLDEN.get(name + "/input").copy().requiresGrad(true);
        Tensor output = module.forward(input);
        Golden.assertClose(GOLDEN.get(name + "/output"), output, name + " output");
        output.backward(GOLDEN.get(name + "/upstream"));
        Golden.assertClose(GOLDEN.get(name + "/grad/input"), input.grad(), name + " input gradient");
        module.namedParameters().forEach((parameter, tensor) ->
                Golden.assertClose(GOLDEN.get(name + "/grad/" + parameter), tensor.grad(), name + " gradient of " + parameter));
    }
}
