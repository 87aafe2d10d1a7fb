package org.equireg.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.equireg.core.ops.Activation;
import org.equireg.core.ops.Conv2dActivation;
import org.equireg.core.ops.LinearActivation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The version check of {@link SavedForBackward}, op by op: writing an input that the op's backward
 * reads makes backward throw; writing one it does not read is silent and leaves every gradient
 * bit-identical to a run without the write, which proves the table's "not read" claims.
 */
class SavedVersionsTest {
    /** One op applied to fresh inputs, and the input written in place between forward and backward. */
    private record Case(String op, Function<Tensor[], Tensor> function, int[][] shapes, int written, boolean read) {
        String name() {
            return op + (read ? " reads" : " does not read") + " input " + written;
        }
    }

    private static Case reads(String op, Function<Tensor[], Tensor> function, int written, int[]... shapes) {
        return new Case(op, function, shapes, written, true);
    }

    private static Case ignores(String op, Function<Tensor[], Tensor> function, int written, int[]... shapes) {
        return new Case(op, function, shapes, written, false);
    }

    private static int[] s(int... shape) {
        return shape;
    }

    static Stream<Case> cases() {
        Tensor mask = Tensor.of(new double[] {1, 0, 0, 1, 1, 0}, 2, 3);
        Tensor index = Tensor.of(new double[] {2, 0, 1, 1}, 2, 2);
        return Stream.of(
                ignores("add", x -> x[0].add(x[1]), 0, s(2, 3), s(3)),
                ignores("add", x -> x[0].add(x[1]), 1, s(2, 3), s(3)),
                ignores("sub", x -> x[0].sub(x[1]), 1, s(2, 3), s(2, 3)),
                ignores("neg", x -> x[0].neg(), 0, s(2, 3)),
                ignores("sum", x -> x[0].sum(), 0, s(2, 3)),
                ignores("sum", x -> x[0].sum(1, false), 0, s(2, 3)),
                ignores("reshape", x -> x[0].reshape(3, 2), 0, s(2, 3)),
                ignores("broadcastTo", x -> x[0].broadcastTo(2, 3), 0, s(3)),
                ignores("concat", x -> Tensor.concat(0, x[0], x[1]), 1, s(2, 3), s(1, 3)),
                ignores("permute", x -> x[0].permute(1, 0), 0, s(2, 3)),
                ignores("slice", x -> x[0].slice(1, 0, 2), 0, s(2, 3)),
                ignores("indexSelect", x -> x[0].indexSelect(1, 2, 0), 0, s(2, 3)),
                ignores("gather", x -> x[0].gather(1, index), 0, s(2, 3)),
                ignores("pad", x -> x[0].pad(new int[] {1, 1}, 0), 0, s(2, 3)),
                ignores("roll", x -> x[0].roll(1, 1), 0, s(2, 3)),
                ignores("flip", x -> x[0].flip(0), 0, s(2, 3)),
                ignores("rot90", x -> x[0].rot90(1, 0, 1), 0, s(2, 3)),
                ignores("cumsum", x -> x[0].cumsum(1), 0, s(2, 3)),
                ignores("cast", x -> x[0].to(DType.FLOAT32), 0, s(2, 3)),
                ignores("sumTo", x -> x[0].sumTo(1, 3), 0, s(2, 3)),
                ignores("avgPool2d", x -> x[0].avgPool2d(2, 1, 0), 0, s(1, 1, 3, 3)),
                ignores("maxPool2d", x -> x[0].maxPool2d(2, 1, 0), 0, s(1, 1, 3, 3)),
                ignores("where", x -> Tensor.where(mask, x[0], x[1]), 0, s(2, 3), s(2, 3)),
                ignores("exp", x -> x[0].exp(), 0, s(2, 3)),
                ignores("sigmoid", x -> x[0].sigmoid(), 0, s(2, 3)),
                ignores("sqrt", x -> x[0].sqrt(), 0, s(2, 3)),
                ignores("tanh", x -> x[0].tanh(), 0, s(2, 3)),
                ignores("div", x -> x[0].div(x[1]), 0, s(2, 3), s(2, 3)),
                ignores("linear", x -> x[0].linear(x[1], x[2]), 2, s(4, 3), s(2, 3), s(2)),
                ignores("conv2d", x -> x[0].conv2d(x[1], x[2], 1, 1), 2, s(1, 2, 4, 4), s(3, 2, 3, 3), s(3)),
                reads("abs", x -> x[0].abs(), 0, s(2, 3)),
                reads("clamp", x -> x[0].clamp(0.7, 1.2), 0, s(2, 3)),
                reads("log", x -> x[0].log(), 0, s(2, 3)),
                reads("log1p", x -> x[0].log1p(), 0, s(2, 3)),
                reads("pow", x -> x[0].pow(3), 0, s(2, 3)),
                reads("relu", x -> x[0].relu(), 0, s(2, 3)),
                reads("max", x -> x[0].max(), 0, s(2, 3)),
                reads("norm", x -> x[0].norm(2, 1, false), 0, s(2, 3)),
                reads("maximum", x -> x[0].maximum(x[1]), 0, s(2, 3), s(2, 3)),
                reads("maximum", x -> x[0].maximum(x[1]), 1, s(2, 3), s(2, 3)),
                reads("div", x -> x[0].div(x[1]), 1, s(2, 3), s(2, 3)),
                reads("mul", x -> x[0].mul(x[1]), 0, s(2, 3), s(3)),
                reads("mul", x -> x[0].mul(x[1]), 1, s(2, 3), s(3)),
                reads("matmul", x -> x[0].matmul(x[1]), 0, s(2, 3), s(3, 2)),
                reads("matmul", x -> x[0].matmul(x[1]), 1, s(2, 3), s(3, 2)),
                reads("linear", x -> x[0].linear(x[1], x[2]), 0, s(4, 3), s(2, 3), s(2)),
                reads("linear", x -> x[0].linear(x[1], x[2]), 1, s(4, 3), s(2, 3), s(2)),
                reads("conv2d", x -> x[0].conv2d(x[1], x[2], 1, 1), 0, s(1, 2, 4, 4), s(3, 2, 3, 3), s(3)),
                reads("conv2d", x -> x[0].conv2d(x[1], x[2], 1, 1), 1, s(1, 2, 4, 4), s(3, 2, 3, 3), s(3)),
                ignores("linearActivation", x -> LinearActivation.apply(x[0], x[1], x[2], Activation.TANH), 2,
                        s(4, 3), s(2, 3), s(2)),
                reads("linearActivation", x -> LinearActivation.apply(x[0], x[1], x[2], Activation.RELU), 0,
                        s(4, 3), s(2, 3), s(2)),
                reads("linearActivation", x -> LinearActivation.apply(x[0], x[1], x[2], Activation.SIGMOID), 1,
                        s(4, 3), s(2, 3), s(2)),
                ignores("conv2dActivation", x -> Conv2dActivation.apply(x[0], x[1], x[2], 1, 1, 1, 1, Activation.RELU),
                        2, s(1, 2, 4, 4), s(3, 2, 3, 3), s(3)),
                reads("conv2dActivation", x -> Conv2dActivation.apply(x[0], x[1], x[2], 1, 1, 1, 1, Activation.RELU),
                        0, s(1, 2, 4, 4), s(3, 2, 3, 3), s(3)),
                reads("conv2dActivation", x -> Conv2dActivation.apply(x[0], x[1], x[2], 1, 1, 1, 1, Activation.TANH),
                        1, s(1, 2, 4, 4), s(3, 2, 3, 3), s(3)),
                reads("custom", x -> Tensor.fromOp(TestOp.CUSTOM, x[0].toArray(), x[0].shape(),
                        (saved, grad) -> new Tensor[] {grad.mul(saved.input(1)), grad}, x[0], x[1]), 1, s(2, 3), s(2, 3)));
    }

    /** Distinct values in [0.5, 1.5): positive for log and sqrt, no ties for max. */
    private static Tensor[] inputs(int[][] shapes) {
        SplittableRandom random = new SplittableRandom(11);
        Tensor[] inputs = new Tensor[shapes.length];
        for (int k = 0; k < shapes.length; k++) {
            inputs[k] = Tensor.rand(random, shapes[k]).add(0.5).detach().copy().requiresGrad(true);
        }
        return inputs;
    }

    private static Tensor[] gradients(Case c, boolean write) {
        Tensor[] inputs = inputs(c.shapes());
        Tensor output = c.function().apply(inputs);
        Tensor seed = Tensor.rand(new SplittableRandom(12), output.shape());
        if (write) {
            double[] values = inputs[c.written()].buffer();
            for (int i = 0; i < values.length; i++) {
                values[i] += 0.25;
            }
            inputs[c.written()].bumpVersion();
        }
        output.backward(seed);
        Tensor[] grads = new Tensor[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            grads[k] = inputs[k].grad();
        }
        return grads;
    }

    @TestFactory
    Stream<DynamicTest> aWriteFailsExactlyWhenBackwardReadsTheInput() {
        return cases().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            assertEquals(c.op(), c.function().apply(inputs(c.shapes())).op(), "the case records the op it names");
            if (c.read()) {
                IllegalStateException error = assertThrows(IllegalStateException.class, () -> gradients(c, true));
                String message = error.getMessage();
                assertTrue(message.contains("'" + c.op() + "'") && message.contains("input " + c.written())
                        && message.contains("version 0") && message.contains("1 now"), message);
            } else {
                Tensor[] expected = gradients(c, false);
                Tensor[] actual = gradients(c, true);
                for (int k = 0; k < expected.length; k++) {
                    assertNotNull(actual[k], "gradient " + k);
                    assertArrayEquals(expected[k].toArray(), actual[k].toArray(), "gradient " + k);
                }
            }
        }));
    }

    @Test
    void everyPrimitiveHasACase() {
        TreeSet<String> covered = cases().map(c -> c.op().toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
        List<String> missing = OpCoverage.forwardPrimitives().stream()
                .filter(name -> !covered.contains(name)).collect(Collectors.toList());
        assertEquals(List.of(), missing);
    }

    @Test
    void anOpThatReadsItsOutputFailsWhenTheOutputIsWritten() {
        Tensor x = Tensor.of(new double[] {0.5, 1.0}, 2).requiresGrad(true);
        Tensor y = x.exp();
        y.buffer()[0] = 7;
        y.bumpVersion();
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertTrue(error.getMessage().contains("its output"), error.getMessage());
    }

    @Test
    void viewsAndDetachedCopiesShareTheCounter() {
        Tensor w = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2).requiresGrad(true);
        Tensor x = Tensor.of(new double[] {1, 1, 1, 1}, 4).requiresGrad(true);
        Tensor product = x.mul(w.reshape(4)).sum();
        w.detach().bumpVersion();
        assertEquals(1, w.version());
        assertThrows(IllegalStateException.class, product::backward);
    }

    @Test
    void aViewMadeWithoutAGraphSharesTheCounterToo() {
        Tensor data = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        Tensor view = data.reshape(4);
        Tensor w = Tensor.of(new double[] {1, 1, 1, 1}, 4).requiresGrad(true);
        Tensor product = view.mul(w).sum();
        data.bumpVersion();
        assertEquals(1, view.version());
        assertThrows(IllegalStateException.class, product::backward);
    }

    @Test
    void releasedGraphsAndUnsavedTensorsStaySilent() {
        Tensor w = Tensor.of(new double[] {1, 2}, 2).requiresGrad(true);
        Tensor x = Tensor.of(new double[] {3, 4}, 2).requiresGrad(true);
        Tensor loss = x.mul(w).sum();
        loss.backward();
        w.bumpVersion(); // the graph that saved w is released: nothing checks it any more
        Tensor next = x.mul(w).sum();
        next.backward();
        assertArrayEquals(new double[] {3 + 3, 4 + 4}, w.grad().toArray());
    }
}
