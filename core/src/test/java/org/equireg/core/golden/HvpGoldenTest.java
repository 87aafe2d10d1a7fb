package org.equireg.core.golden;

import static org.equireg.core.golden.GoldenCase.of;
import static org.equireg.core.golden.GoldenCase.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.equireg.core.Autograd;
import org.equireg.core.DType;
import org.equireg.core.OpCoverage;
import org.equireg.core.SafeTensors;
import org.equireg.core.Tensor;
import org.equireg.core.ops.Activation;
import org.equireg.core.ops.Conv2dActivation;
import org.equireg.core.ops.LinearActivation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Second- and third-order derivatives against PyTorch ({@code torch.autograd.grad} with
 * {@code create_graph=True}, written by {@code scripts/golden/core_goldens.py}): for the scalar
 * {@code s = <upstream, f(inputs)>}, the gradient {@code grad<k>}, the Hessian-vector products
 * {@code hvp<k> = d <grad, direction> / d input_k} with respect to every input, data and parameters
 * alike, and for the {@code third_} cases {@code third<k> = d <hvp, cotangent> / d input_k}. In
 * float64 within {@link Golden#OP_TOLERANCE}, and in float32 against PyTorch's float32 within
 * {@link Golden#FLOAT32_TOLERANCE}. Linear ops have a zero Hessian, so they are checked through a
 * cube, {@code op(x)^3}, whose Hessian-vector product runs the op, its derivative and that
 * derivative's own rule.
 */
class HvpGoldenTest {
    static final String FAMILY = "hvp";

    private static UnaryOperator<Tensor> cube() {
        return t -> t.pow(3);
    }

    static Stream<GoldenCase> cases() {
        UnaryOperator<Tensor> cube = cube();
        return Stream.of(
                of("add_broadcast", f -> cube.apply(f.input(0).add(f.input(1)))),
                of("sub_broadcast", f -> cube.apply(f.input(0).sub(f.input(1)))),
                of("mul_broadcast", f -> f.input(0).mul(f.input(1))),
                of("mul_same", f -> f.input(0).mul(f.input(0))),
                of("div_broadcast", f -> f.input(0).div(f.input(1))),
                of("maximum", f -> cube.apply(f.input(0).maximum(f.input(1)))),
                of("minimum_broadcast", f -> cube.apply(f.input(0).minimum(f.input(1)))),
                of("where", f -> Tensor.where(f.constant("mask"), f.input(0).mul(f.input(0)), f.input(1).pow(3))),
                of("neg", f -> cube.apply(f.input(0).neg())),
                of("exp", f -> f.input(0).exp()),
                of("log", f -> f.input(0).log()),
                of("log1p", f -> f.input(0).log1p()),
                of("sqrt", f -> f.input(0).sqrt()),
                of("abs", f -> cube.apply(f.input(0).abs())),
                of("tanh", f -> f.input(0).tanh()),
                of("sigmoid", f -> f.input(0).sigmoid()),
                of("relu", f -> cube.apply(f.input(0).relu())),
                of("pow_3_5", f -> f.input(0).pow(3.5)),
                of("pow_neg1_5", f -> f.input(0).pow(-1.5)),
                of("pow_2", f -> f.input(0).pow(2)),
                of("clamp", f -> cube.apply(f.input(0).clamp(-0.5, 0.7))),
                of("leaky_relu", f -> cube.apply(f.input(0).leakyRelu(0.1))),
                of("softplus", f -> f.input(0).softplus()),
                of("cast_float32_roundtrip", f -> f.input(0).to(DType.FLOAT32).to(DType.FLOAT64).to(f.input(0).dtype())
                        .mul(f.input(0))),
                of("sum_axis1", f -> cube.apply(f.input(0).sum(1, false))),
                of("mean_all", f -> cube.apply(f.input(0).mean())),
                of("max_axis1", f -> cube.apply(f.input(0).max(1, false))),
                of("min_all", f -> cube.apply(f.input(0).min())),
                of("norm_p2_axis1", f -> f.input(0).norm(2, 1, false)),
                of("norm_p3_all", f -> f.input(0).norm(3)),
                of("norm_p1_5_axis_neg1", f -> f.input(0).norm(1.5, -1, false)),
                of("norm_p1_axis0", f -> cube.apply(f.input(0).norm(1, 0, false))),
                of("norm_pinf_axis1", f -> cube.apply(f.input(0).norm(Double.POSITIVE_INFINITY, 1, false))),
                of("logsumexp_axis1", f -> f.input(0).logSumExp(1, false)),
                of("softmax_axis_neg1", f -> f.input(0).softmax(-1)),
                of("log_softmax_axis0", f -> f.input(0).logSoftmax(0)),
                of("cumsum_axis1", f -> cube.apply(f.input(0).cumsum(1))),
                of("sum_to", f -> cube.apply(f.input(0).sumTo(4, 1))),
                of("reshape", f -> cube.apply(f.input(0).reshape(4, -1))),
                of("permute", f -> cube.apply(f.input(0).permute(2, 0, 1))),
                of("transpose", f -> cube.apply(f.input(0).transpose())),
                of("broadcast_to", f -> cube.apply(f.input(0).broadcastTo(2, 3, 4))),
                of("concat", f -> cube.apply(Tensor.concat(-1, f.input(0), f.input(1)))),
                of("stack", f -> cube.apply(Tensor.stack(0, f.input(0), f.input(1)))),
                of("slice_step2", f -> cube.apply(f.input(0).slice(0, 1, 7, 2))),
                of("index_select_repeats", f -> cube.apply(f.input(0).indexSelect(0, 3, 1, 1, 0))),
                of("gather_axis1", f -> cube.apply(f.input(0).gather(1, f.constant("index")))),
                of("pad_value_and_crop", f -> cube.apply(f.input(0).pad(new int[] {-1, 2, 1, 0}, 0.5))),
                of("roll", f -> cube.apply(f.input(0).roll(2, 1))),
                of("flip", f -> cube.apply(f.input(0).flip(0, 2))),
                of("rot90", f -> cube.apply(f.input(0).rot90(1, 1, 2))),
                of("matmul_mat_mat", f -> f.input(0).matmul(f.input(1))),
                of("matmul_batch_broadcast_tanh", f -> f.input(0).matmul(f.input(1)).tanh()),
                of("linear_tanh", f -> f.input(0).linear(f.input(1), f.input(2)).tanh()),
                variant("linear_tanh", "fused", f -> LinearActivation.apply(f.input(0), f.input(1), f.input(2),
                        Activation.TANH)),
                of("conv2d_stride2_pad1_tanh", f -> f.input(0).conv2d(f.input(1), f.input(2), 2, 1, 1, 1).tanh()),
                of("conv2d_dilation2_pad2_tanh", f -> f.input(0).conv2d(f.input(1), f.input(2), 1, 2, 2, 1).tanh()),
                of("conv2d_groups2_tanh", f -> f.input(0).conv2d(f.input(1), f.input(2), 1, 1, 1, 2).tanh()),
                of("max_pool2d_k3_s2_p1", f -> cube.apply(f.input(0).maxPool2d(3, 2, 1))),
                of("avg_pool2d_k3_s2_p1", f -> cube.apply(f.input(0).avgPool2d(3, 2, 1))),
                of("third_tanh", f -> f.input(0).tanh()),
                of("third_sigmoid_mul", f -> f.input(0).mul(f.input(1)).sigmoid()),
                of("third_conv2d_tanh", f -> f.input(0).conv2d(f.input(1), f.input(2), 2, 1).tanh()),
                variant("third_conv2d_tanh", "fused", f -> Conv2dActivation.apply(f.input(0), f.input(1), f.input(2),
                        2, 1, 1, 1, Activation.TANH)),
                of("third_max_pool2d", f -> f.input(0).maxPool2d(2, 1, 0).pow(4)),
                of("third_log_softmax", f -> f.input(0).logSoftmax(-1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(GoldenCase golden) throws IOException {
        check("/golden/", DType.FLOAT64, golden, Golden.OP_TOLERANCE, new TreeSet<>());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorchFloat32(GoldenCase golden) throws IOException {
        check("/golden-float32/", DType.FLOAT32, golden, Golden.FLOAT32_TOLERANCE, new TreeSet<>());
    }

    /**
     * Fails when a primitive of {@link org.equireg.core.ops.Op}, of any kind, is in no case's
     * graphs: the forward graph, the graph of the gradient (where the fused backward primitives
     * are) and, in the third-order cases, that of the Hessian-vector product. The index gather, the
     * derivative of the index scatter and of max pooling's backward, acts on the direction there,
     * so the third-order cases make the directions leaves that require grad (their values unchanged).
     */
    @Test
    void everyPrimitiveHasASecondOrderGolden() throws IOException {
        Set<String> recorded = new TreeSet<>();
        for (GoldenCase golden : (Iterable<GoldenCase>) cases()::iterator) {
            check("/golden/", DType.FLOAT64, golden, Golden.OP_TOLERANCE, recorded);
        }
        Set<String> unchecked = new TreeSet<>(OpCoverage.primitives());
        unchecked.removeAll(recorded);
        assertEquals(Set.of(), unchecked, "primitives of Op that no second-order golden differentiates");
    }

    /**
     * Compares output, gradients, Hessian-vector products and third-order products; adds the ops
     * recorded to {@code ops}.
     */
    private static void check(String root, DType dtype, GoldenCase golden, double tolerance, Set<String> ops)
            throws IOException {
        String label = FAMILY + "/" + golden.name();
        Map<String, Tensor> tensors = SafeTensors.read(Golden.resource(root + label + ".safetensors"));
        List<Tensor> inputs = new ArrayList<>();
        while (tensors.containsKey("input" + inputs.size())) {
            inputs.add(tensors.get("input" + inputs.size()).requiresGrad(true));
        }
        Tensor output = golden.expression().apply(new Fixture(label, inputs.toArray(Tensor[]::new), tensors));
        assertEquals(dtype, output.dtype(), () -> label + ": output type");
        Golden.compare(label, "output", output, expect(tensors, label, "output"), tolerance);
        ops.addAll(OpCoverage.recorded(output));
        List<Tensor> grads = Autograd.grad(List.of(output), inputs, List.of(expect(tensors, label, "upstream")), true);
        compareAll(label, "grad", grads, tensors, tolerance, ops);
        boolean third = tensors.containsKey("third0");
        List<Tensor> directions = seeds(tensors, label, "direction", inputs.size());
        if (third) {
            // leaves that require grad, so that what the second pass does to them is recorded too
            directions.replaceAll(direction -> direction.requiresGrad(true));
        }
        List<Tensor> hvps = Autograd.grad(grads, inputs, directions, third);
        compareAll(label, "hvp", hvps, tensors, tolerance, third ? ops : new TreeSet<>());
        if (third) {
            List<Tensor> thirds = Autograd.grad(hvps, inputs, seeds(tensors, label, "cotangent", inputs.size()), false);
            compareAll(label, "third", thirds, tensors, tolerance, new TreeSet<>());
        }
    }

    private static void compareAll(String label, String key, List<Tensor> actual, Map<String, Tensor> tensors,
                                   double tolerance, Set<String> ops) {
        for (int k = 0; k < actual.size(); k++) {
            Tensor value = actual.get(k);
            Tensor expected = expect(tensors, label, key + k);
            assertEquals(expected.dtype(), value.dtype(), label + ": type of " + key + k);
            Golden.compare(label, key + k, value, expected, tolerance);
            ops.addAll(OpCoverage.recorded(value));
        }
    }

    private static List<Tensor> seeds(Map<String, Tensor> tensors, String label, String key, int count) {
        return Arrays.asList(Stream.iterate(0, k -> k + 1).limit(count).map(k -> expect(tensors, label, key + k))
                .toArray(Tensor[]::new));
    }

    private static Tensor expect(Map<String, Tensor> tensors, String label, String key) {
        Tensor tensor = tensors.get(key);
        assertNotNull(tensor, () -> label + ": the fixture has no '" + key + "', only " + tensors.keySet());
        return tensor;
    }
}
