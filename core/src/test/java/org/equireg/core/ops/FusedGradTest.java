package org.equireg.core.ops;

import static org.equireg.core.ops.GradCase.fast;
import static org.equireg.core.ops.GradCase.of;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.equireg.core.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gradient checks of matmul (with every promotion and batch broadcast), linear, conv2d, the two fused
 * with an activation, and pooling.
 */
class FusedGradTest {

    /** Operand shapes of matmul: 2-D, the 1-D promotions, batches broadcast either way, size 1, size 0. */
    private static final int[][][] MATMUL_SHAPES = {
        {{3, 4}, {4, 2}}, {{4}, {4}}, {{4}, {4, 2}}, {{3, 4}, {4}}, {{4}, {2, 4, 3}}, {{2, 3, 4}, {4}},
        {{2, 3, 4}, {2, 4, 5}}, {{2, 3, 4}, {4, 5}}, {{3, 4}, {2, 4, 5}}, {{2, 1, 3, 4}, {5, 4, 2}},
        {{1, 3, 4}, {2, 1, 4, 2}}, {{1, 1}, {1, 1}}, {{1}, {1}}, {{2, 0}, {0, 3}}, {{0, 3}, {3, 2}}, {{0}, {0}},
        {{0, 2, 3}, {3, 4}},
    };

    /**
     * Conv2d variants: input shape, weight shape, with bias (1 or 0), stride, padding, dilation, groups.
     */
    private static final int[][][] CONV = {
        {{2, 3, 5, 5}, {4, 3, 3, 3}, {1, 1, 0, 1, 1}},
        {{2, 3, 5, 5}, {4, 3, 3, 3}, {0, 1, 0, 1, 1}},
        {{1, 2, 6, 5}, {3, 2, 3, 3}, {1, 2, 1, 1, 1}},
        {{1, 2, 7, 7}, {3, 2, 3, 3}, {1, 1, 2, 2, 1}},
        {{2, 6, 4, 4}, {6, 2, 3, 3}, {1, 1, 1, 1, 3}},
        {{1, 4, 5, 5}, {4, 1, 3, 3}, {0, 1, 1, 1, 4}},
        {{1, 4, 9, 8}, {2, 2, 2, 3}, {1, 2, 1, 2, 2}},
        {{2, 3, 3, 4}, {5, 3, 1, 1}, {1, 1, 0, 1, 1}},
        {{1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 0, 1, 1}},
        {{1, 1, 2, 2}, {1, 1, 3, 3}, {1, 1, 1, 1, 1}},
        {{0, 2, 4, 4}, {3, 2, 3, 3}, {1, 1, 1, 1, 1}},
    };

    /** Pooling variants on a [2, 2, 5, 5] or [1, 2, 4, 6] input: kernel, stride, padding. */
    private static final int[][] POOLING = {{2, 2, 0}, {3, 1, 1}, {3, 2, 1}, {2, 1, 1}, {1, 1, 0}, {5, 1, 2}, {2, 3, 0}};

    static Stream<GradCase> cases() {
        Inputs in = new Inputs(37);
        List<GradCase> cases = new ArrayList<>();
        for (int[][] shapes : MATMUL_SHAPES) {
            cases.add(of("matmul(Tensor)", "", x -> x[0].matmul(x[1]),
                    in.normal(shapes[0]), in.normal(shapes[1])));
        }
        cases.add(of("matmul(Tensor)", "same operand twice", x -> x[0].matmul(x[0]), in.normal(3, 3)));
        cases.add(fast("matmul(Tensor)", "64 x 64", x -> x[0].matmul(x[1]),
                in.normal(64, 64), in.normal(64, 64)));
        for (int[][] conv : CONV) {
            cases.add(convCase(in, conv[0], conv[1], conv[2]));
        }
        cases.add(of("conv2d(Tensor,Tensor,int,int)", "stride 2, padding 1",
                x -> x[0].conv2d(x[1], x[2], 2, 1), in.normal(2, 2, 5, 4), in.normal(3, 2, 3, 3), in.normal(3)));
        cases.add(of("conv2d(Tensor,Tensor,int,int)", "no bias",
                x -> x[0].conv2d(x[1], null, 1, 0), in.normal(1, 2, 4, 4), in.normal(3, 2, 2, 2)));
        cases.add(fast("conv2d(Tensor,Tensor,int,int)", "16 x 16",
                x -> x[0].conv2d(x[1], x[2], 1, 1), in.normal(2, 3, 16, 16), in.normal(4, 3, 3, 3), in.normal(4)));
        for (int[] pool : POOLING) {
            int kernel = pool[0];
            int stride = pool[1];
            int padding = pool[2];
            String what = "kernel " + kernel + ", stride " + stride + ", padding " + padding;
            for (int[] shape : new int[][] {{2, 2, 5, 5}, {1, 2, 4, 6}}) {
                if (kernel > shape[2] + 2 * padding) {
                    continue;
                }
                cases.add(of("maxPool2d(int,int,int)", what,
                        x -> x[0].maxPool2d(kernel, stride, padding), in.distinct(shape)));
                cases.add(of("avgPool2d(int,int,int)", what,
                        x -> x[0].avgPool2d(kernel, stride, padding), in.normal(shape)));
            }
        }
        cases.add(of("maxPool2d(int,int,int)", "empty batch", x -> x[0].maxPool2d(2, 2, 0), in.normal(0, 2, 4, 4)));
        cases.add(of("avgPool2d(int,int,int)", "empty batch", x -> x[0].avgPool2d(2, 2, 0), in.normal(0, 2, 4, 4)));
        cases.add(fast("maxPool2d(int,int,int)", "16 x 16", x -> x[0].maxPool2d(3, 2, 1),
                in.distinct(2, 3, 16, 16)));
        cases.add(fast("avgPool2d(int,int,int)", "16 x 16", x -> x[0].avgPool2d(3, 2, 1),
                in.normal(2, 3, 16, 16)));
        cases.addAll(linearCases(in));
        cases.addAll(fusedActivationCases(in));
        return cases.stream();
    }

    /** linear with and without bias, over 1-D, 2-D and 3-D inputs, an empty batch, and one large enough to pack. */
    private static List<GradCase> linearCases(Inputs in) {
        String method = "linear(Tensor,Tensor)";
        return List.of(
                of(method, "with bias", x -> x[0].linear(x[1], x[2]), in.normal(3, 4), in.normal(5, 4), in.normal(5)),
                of(method, "no bias", x -> x[0].linear(x[1], null), in.normal(3, 4), in.normal(5, 4)),
                of(method, "1-D input", x -> x[0].linear(x[1], x[2]), in.normal(4), in.normal(5, 4), in.normal(5)),
                of(method, "3-D input", x -> x[0].linear(x[1], x[2]), in.normal(2, 3, 4), in.normal(5, 4),
                        in.normal(5)),
                of(method, "one feature in and out", x -> x[0].linear(x[1], x[2]), in.normal(3, 1), in.normal(1, 1),
                        in.normal(1)),
                of(method, "empty batch", x -> x[0].linear(x[1], x[2]), in.normal(0, 4), in.normal(5, 4),
                        in.normal(5)),
                of(method, "same tensor as input and weight", x -> x[0].linear(x[0], null), in.normal(3, 3)),
                fast(method, "64 x 48 from 40", x -> x[0].linear(x[1], x[2]), in.normal(64, 40), in.normal(48, 40),
                        in.normal(48)));
    }

    /**
     * The layer-and-activation primitives that nn.Sequential records, under the layer's method: each
     * activation with and without bias, and a convolution on the unfolded path (stride 2).
     */
    private static List<GradCase> fusedActivationCases(Inputs in) {
        String linear = "linear(Tensor,Tensor)";
        String conv = "conv2d(Tensor,Tensor,int,int,int,int)";
        return List.of(
                of(linear, "fused relu", x -> LinearActivation.apply(x[0], x[1], x[2], Activation.RELU),
                        in.normal(3, 4), in.normal(5, 4), in.normal(5)),
                of(linear, "fused tanh, 3-D input", x -> LinearActivation.apply(x[0], x[1], x[2], Activation.TANH),
                        in.normal(2, 3, 4), in.normal(5, 4), in.normal(5)),
                of(linear, "fused sigmoid, no bias", x -> LinearActivation.apply(x[0], x[1], null, Activation.SIGMOID),
                        in.normal(3, 4), in.normal(5, 4)),
                of(conv, "fused relu", x -> Conv2dActivation.apply(x[0], x[1], x[2], 1, 1, 1, 1, Activation.RELU),
                        in.normal(2, 2, 5, 4), in.normal(3, 2, 3, 3), in.normal(3)),
                of(conv, "fused tanh, stride 2", x -> Conv2dActivation.apply(x[0], x[1], x[2], 2, 1, 1, 1,
                        Activation.TANH), in.normal(1, 2, 5, 5), in.normal(3, 2, 3, 3), in.normal(3)),
                of(conv, "fused sigmoid, no bias, groups 2", x -> Conv2dActivation.apply(x[0], x[1], null, 1, 0, 1, 2,
                        Activation.SIGMOID), in.normal(1, 4, 4, 4), in.normal(2, 2, 2, 2)));
    }

    private static GradCase convCase(Inputs in, int[] inputShape, int[] weightShape, int[] settings) {
        boolean withBias = settings[0] == 1;
        int stride = settings[1];
        int padding = settings[2];
        int dilation = settings[3];
        int groups = settings[4];
        String what = (withBias ? "" : "no bias, ") + "stride " + stride + ", padding " + padding + ", dilation "
                + dilation + ", groups " + groups;
        Tensor input = in.normal(inputShape);
        Tensor weight = in.normal(weightShape);
        if (withBias) {
            return of("conv2d(Tensor,Tensor,int,int,int,int)", what,
                    x -> x[0].conv2d(x[1], x[2], stride, padding, dilation, groups), input, weight, in.normal(weightShape[0]));
        }
        return of("conv2d(Tensor,Tensor,int,int,int,int)", what,
                x -> x[0].conv2d(x[1], null, stride, padding, dilation, groups), input, weight);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(GradCase gradCase) {
        gradCase.run();
    }
}
