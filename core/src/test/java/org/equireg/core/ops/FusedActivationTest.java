package org.equireg.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.equireg.core.Autograd;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The fused layer-and-activation ops give the bits of the two ops apart: the output, the first
 * gradients of every operand, and the second gradients (the first ones recorded with a graph,
 * contracted with a random direction and differentiated again), in float64 and float32, for every
 * activation, over the convolution's direct and unfolded paths, groups, no bias, and dense layers
 * of rank 1 to 3 and sizes that run the packed product and the vector tails.
 */
class FusedActivationTest {

    /** One layer shape: the fused op and the same layer written as two ops. */
    private record Layer(String name, int[][] shapes, BiFunction<Tensor[], Activation, Tensor> fused,
                         BiFunction<Tensor[], Activation, Tensor> unfused) {
    }

    private static Tensor apart(Tensor layer, Activation activation) {
        return switch (activation) {
            case RELU -> layer.relu();
            case TANH -> layer.tanh();
            case SIGMOID -> layer.sigmoid();
        };
    }

    private static Layer conv(String name, int stride, int padding, int dilation, int groups, boolean bias,
                              int[] x, int[] w) {
        int[][] shapes = bias ? new int[][] {x, w, {w[0]}} : new int[][] {x, w};
        return new Layer("conv2d " + name, shapes,
                (t, a) -> Conv2dActivation.apply(t[0], t[1], bias ? t[2] : null, stride, padding, dilation, groups, a),
                (t, a) -> apart(t[0].conv2d(t[1], bias ? t[2] : null, stride, padding, dilation, groups), a));
    }

    private static Layer linear(String name, boolean bias, int[] x, int[] w) {
        int[][] shapes = bias ? new int[][] {x, w, {w[0]}} : new int[][] {x, w};
        return new Layer("linear " + name, shapes, (t, a) -> LinearActivation.apply(t[0], t[1], bias ? t[2] : null, a),
                (t, a) -> apart(t[0].linear(t[1], bias ? t[2] : null), a));
    }

    private static int[] s(int... shape) {
        return shape;
    }

    static List<Layer> layers() {
        return List.of(
                conv("3x3 padding 1 (direct)", 1, 1, 1, 1, true, s(2, 3, 9, 9), s(5, 3, 3, 3)),
                conv("16 -> 32 on 8x8, as cnn-digits", 1, 1, 1, 1, true, s(2, 16, 8, 8), s(32, 16, 3, 3)),
                conv("stride 2 (unfolded)", 2, 1, 1, 1, true, s(2, 3, 9, 7), s(4, 3, 3, 3)),
                conv("two groups, dilation 2, no bias", 1, 2, 2, 2, false, s(1, 4, 7, 7), s(6, 2, 3, 3)),
                conv("1x1 (pointwise)", 1, 0, 1, 1, true, s(2, 3, 5, 5), s(4, 3, 1, 1)),
                linear("(5, 7) -> 6", true, s(5, 7), s(6, 7)),
                linear("1-D input", true, s(7), s(3, 7)),
                linear("3-D input, no bias", false, s(2, 3, 7), s(6, 7)),
                linear("(64, 40) -> 48, packed", true, s(64, 40), s(48, 40)));
    }

    /** The output, the first gradients, and the second gradients, in that order. */
    private static List<Tensor> derivatives(Layer layer, Activation activation, DType dtype, boolean fused) {
        SplittableRandom random = new SplittableRandom(layer.name().hashCode() * 31L + activation.ordinal());
        List<Tensor> leaves = new ArrayList<>();
        for (int[] shape : layer.shapes()) {
            leaves.add(Tensor.randn(random, dtype, shape).requiresGrad(true));
        }
        Tensor[] inputs = leaves.toArray(Tensor[]::new);
        Tensor y = (fused ? layer.fused() : layer.unfused()).apply(inputs, activation);
        assertEquals(fused ? (layer.name().startsWith("conv") ? "conv2dActivation" : "linearActivation")
                : activation.name().toLowerCase(Locale.ROOT), y.op(), "the op recorded");
        Tensor seed = Tensor.randn(random, dtype, y.shape());
        List<Tensor> first = Autograd.grad(List.of(y), leaves, List.of(seed), true);
        Tensor contraction = null;
        for (Tensor gradient : first) {
            Tensor term = gradient.mul(Tensor.randn(random, dtype, gradient.shape())).sum();
            contraction = contraction == null ? term : contraction.add(term);
        }
        List<Tensor> second = Autograd.grad(List.of(contraction), leaves, null, false);
        List<Tensor> all = new ArrayList<>(List.of(y.detach()));
        first.forEach(gradient -> all.add(gradient.detach()));
        all.addAll(second);
        return all;
    }

    @TestFactory
    Stream<DynamicTest> fusedAndApartGiveTheSameBits() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Layer layer : layers()) {
            for (Activation activation : Activation.values()) {
                for (DType dtype : DType.values()) {
                    tests.add(DynamicTest.dynamicTest(layer.name() + ", " + activation + ", " + dtype, () -> {
                        List<Tensor> fused = derivatives(layer, activation, dtype, true);
                        List<Tensor> apart = derivatives(layer, activation, dtype, false);
                        String[] what = {"output", "first gradient", "second gradient"};
                        int operands = layer.shapes().length;
                        for (int k = 0; k < fused.size(); k++) {
                            String label = what[k == 0 ? 0 : (k - 1) / operands + 1] + " " + (k == 0 ? "" : (k - 1) % operands);
                            assertEquals(dtype, fused.get(k).dtype(), label);
                            assertBitsEqual(apart.get(k), fused.get(k), label);
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    private static void assertBitsEqual(Tensor expected, Tensor actual, String label) {
        assertArrayEquals(expected.shape(), actual.shape(), label);
        double[] e = expected.toArray();
        double[] a = actual.toArray();
        for (int i = 0; i < e.length; i++) {
            if (Double.doubleToRawLongBits(e[i]) != Double.doubleToRawLongBits(a[i])) {
                throw new AssertionError(label + ": element " + i + " is " + a[i] + " fused, " + e[i] + " apart");
            }
        }
    }

    @Test
    void nanAndSignedZeroPassAsTheSeparateActivationPassesThem() {
        Tensor x = Tensor.of(new double[] {Double.NaN, 1, -0.0, -2, 0.0, 3}, 3, 2);
        Tensor w = Tensor.of(new double[] {1, 0, 0, 1}, 2, 2);
        for (Activation activation : Activation.values()) {
            assertBitsEqual(apart(x.linear(w, null), activation), LinearActivation.apply(x, w, null, activation),
                    activation.toString());
        }
    }

    @Test
    void aWriteToTheOutputFailsTheBackwardThatReadsIt() {
        Tensor x = Tensor.randn(new SplittableRandom(3), 4, 3).requiresGrad(true);
        Tensor w = Tensor.randn(new SplittableRandom(4), 2, 3).requiresGrad(true);
        Tensor y = LinearActivation.apply(x, w, null, Activation.RELU);
        y.buffer()[0] = 7;
        y.bumpVersion();
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertTrue(error.getMessage().contains("linearActivation") && error.getMessage().contains("its output"),
                error.getMessage());
    }

    @Test
    void aNullActivationIsRejectedByName() {
        Tensor x = Tensor.zeros(1, 1, 3, 3);
        Tensor w = Tensor.zeros(1, 1, 3, 3);
        IllegalArgumentException conv = assertThrows(IllegalArgumentException.class,
                () -> Conv2dActivation.apply(x, w, null, 1, 0, 1, 1, null));
        assertEquals("conv2dActivation: activation is null", conv.getMessage());
        IllegalArgumentException linear = assertThrows(IllegalArgumentException.class,
                () -> LinearActivation.apply(Tensor.zeros(2, 3), Tensor.zeros(4, 3), null, null));
        assertEquals("linearActivation: activation is null", linear.getMessage());
    }

    @Test
    void onlyTheActivationsRunInPlace() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Maps.unaryInPlace(Maps.Unary.EXP, Tensor.zeros(2).storage()));
        assertEquals("unaryInPlace: only RELU, TANH and SIGMOID run in place, got EXP", error.getMessage());
    }

    @Test
    void badShapesAreRejectedAsTheLayerRejectsThem() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LinearActivation.apply(Tensor.zeros(2, 3), Tensor.zeros(4, 5), null, Activation.TANH));
        assertTrue(error.getMessage().startsWith("linear: input [2, 3] has 3 features"), error.getMessage());
    }
}
