package org.equireg.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every op that produces a shape, at sizes near and past 2^31: each either gives PyTorch's shape,
 * or, when a dimension or the element count does not fit an int, refuses with a message holding the
 * number (never a wrapped-around shape such as [0, 0], a negative size or an unrelated exception).
 * Zero-size dimensions keep every tensor here empty, so nothing large is allocated.
 * {@link #everyTensorReturningMethodIsCovered} finds the ops by reflection and fails for one with
 * neither a case nor a reason.
 */
class ShapeLimitsTest {
    private static final int MAX = Integer.MAX_VALUE;
    /** 46340^2 = 2147395600 fits an int; 46341^2 = 2147488281 does not. */
    private static final int NEAR_ROOT = 46340;
    private static final int PAST_ROOT = 46341;

    /** A case: the op's signature as reflection names it, the call, and the shape or the message fragments. */
    private record Case(String signature, String what, Supplier<Tensor> call, int[] shape, List<String> fragments) {
    }

    private static Case gives(String signature, String what, Supplier<Tensor> call, int... shape) {
        return new Case(signature, what, call, shape, List.of());
    }

    private static Case refuses(String signature, String what, Supplier<Tensor> call, String... fragments) {
        return new Case(signature, what, call, null, List.of(fragments));
    }

    /** [0, 65536, 65536]: 2^32 elements but for the zero. */
    private static Tensor empty() {
        return Tensor.zeros(0, 65536, 65536);
    }

    private static Tensor emptyImages(int height, int width) {
        return Tensor.zeros(0, 1, height, width);
    }

    private static List<Case> cases() {
        SplittableRandom random = new SplittableRandom(1);
        Tensor big = empty();
        List<Case> cases = new ArrayList<>(List.of(
                // factories
                gives("zeros(int[])", "[0, MAX, MAX]", () -> Tensor.zeros(0, MAX, MAX), 0, MAX, MAX),
                gives("zeros(int[])", "[MAX, MAX, 0]", () -> Tensor.zeros(MAX, MAX, 0), MAX, MAX, 0),
                refuses("zeros(int[])", "[65536, 65536]", () -> Tensor.zeros(65536, 65536), "[65536, 65536]", "4294967296"),
                refuses("zeros(int[])", "[MAX]", () -> Tensor.zeros(MAX), "2147483647"),
                refuses("zeros(int[])", "[MAX, MAX, MAX, MAX, 2]", () -> Tensor.zeros(MAX, MAX, MAX, MAX, 2), "more than 2^63"),
                gives("zeros(DType, int[])", "[0, MAX]", () -> Tensor.zeros(DType.FLOAT32, 0, MAX), 0, MAX),
                gives("ones(int[])", "[MAX, 0]", () -> Tensor.ones(MAX, 0), MAX, 0),
                refuses("ones(DType, int[])", "[NEAR_ROOT + 1]^2", () -> Tensor.ones(DType.FLOAT32, PAST_ROOT, PAST_ROOT), "2147488281"),
                gives("full(double, int[])", "[0, MAX]", () -> Tensor.full(2, 0, MAX), 0, MAX),
                gives("full(double, DType, int[])", "[MAX, 0]", () -> Tensor.full(2, DType.FLOAT32, MAX, 0), MAX, 0),
                gives("rand(RandomGenerator, int[])", "[0, MAX]", () -> Tensor.rand(random, 0, MAX), 0, MAX),
                refuses("rand(RandomGenerator, DType, int[])", "[65536, 65536]", () -> Tensor.rand(random, DType.FLOAT32, 65536, 65536),
                        "4294967296"),
                gives("randn(RandomGenerator, int[])", "[MAX, 0]", () -> Tensor.randn(random, MAX, 0), MAX, 0),
                gives("randn(RandomGenerator, DType, int[])", "[0, MAX]", () -> Tensor.randn(random, DType.FLOAT32, 0, MAX), 0, MAX),
                gives("of(double[], int[])", "[0, 65536, 65536]", () -> Tensor.of(new double[0], 0, 65536, 65536), 0, 65536, 65536),
                refuses("of(double[], int[])", "[65536, 65536]", () -> Tensor.of(new double[0], 65536, 65536), "4294967296"),
                gives("of(float[], int[])", "[65536, 65536, 0]", () -> Tensor.of(new float[0], 65536, 65536, 0), 65536, 65536, 0),
                gives("wrap(double[], int[])", "[0, MAX]", () -> Tensor.wrap(new double[0], 0, MAX), 0, MAX),
                refuses("wrap(float[], int[])", "[MAX]", () -> Tensor.wrap(new float[0], MAX), "2147483647"),
                gives("scalar(double)", "scalar", () -> Tensor.scalar(1)),
                gives("scalar(double, DType)", "scalar", () -> Tensor.scalar(1, DType.FLOAT32)),
                gives("arange(int)", "0", () -> Tensor.arange(0), 0),
                gives("fromOp(Primitive, double[], int[], Derivative, Tensor[])", "[0, MAX, MAX]",
                        () -> Tensor.fromOp(TestOp.CUSTOM, new double[0], new int[] {0, MAX, MAX}, (saved, grad) -> new Tensor[0]),
                        0, MAX, MAX),
                refuses("fromOp(Primitive, float[], int[], Derivative, Tensor[])", "[65536, 65536]",
                        () -> Tensor.fromOp(TestOp.CUSTOM, new float[0], new int[] {65536, 65536}, (saved, grad) -> new Tensor[0]),
                        "4294967296"),
                refuses("fromOp(Primitive, Storage, int[], Derivative, Tensor[])", "[65536, 65536]",
                        () -> Tensor.fromOp(TestOp.CUSTOM, Storage.zeros(DType.FLOAT64, 0), new int[] {65536, 65536},
                                (saved, grad) -> new Tensor[0]), "4294967296"),
                gives("wrap(Storage, int[])", "[0, MAX]", () -> Tensor.wrap(Storage.zeros(DType.FLOAT32, 0), 0, MAX), 0, MAX),
                // movement
                gives("sumTo(int[])", "[MAX, 0] from [0, MAX, 0]", () -> Tensor.zeros(0, MAX, 0).sumTo(MAX, 0), MAX, 0),
                gives("reshape(int[])", "the same shape", () -> big.reshape(0, 65536, 65536), 0, 65536, 65536),
                gives("reshape(int[])", "-1 beside 65536", () -> big.reshape(-1, 65536), 0, 65536),
                gives("reshape(int[])", "[MAX, MAX, 0]", () -> big.reshape(MAX, MAX, 0), MAX, MAX, 0),
                refuses("reshape(int[])", "2^32 from nothing", () -> Tensor.zeros(0).reshape(65536, 65536), "2^32 or more"),
                refuses("reshape(int[])", "-1 beside 0", () -> big.reshape(0, -1), "reshape", "[0, -1]"),
                gives("flatten()", "all", () -> big.flatten(), 0),
                gives("flatten(int, int)", "[0, 46340, 46340] to [0, 2147395600]",
                        () -> Tensor.zeros(0, NEAR_ROOT, NEAR_ROOT).flatten(1, -1), 0, NEAR_ROOT * NEAR_ROOT),
                refuses("flatten(int, int)", "[0, 46341, 46341]", () -> Tensor.zeros(0, PAST_ROOT, PAST_ROOT).flatten(1, -1),
                        "flatten", "2147488281"),
                refuses("flatten(int, int)", "[0, 65536, 65536]", () -> big.flatten(1, -1), "flatten", "4294967296"),
                gives("flatten(int, int)", "leading zero merged", () -> big.flatten(0, 1), 0, 65536),
                gives("permute(int[])", "reversed", () -> big.permute(2, 1, 0), 65536, 65536, 0),
                gives("transpose(int, int)", "0 and 2", () -> big.transpose(0, 2), 65536, 65536, 0),
                gives("transpose()", "[MAX, 0]", () -> Tensor.zeros(MAX, 0).transpose(), 0, MAX),
                gives("squeeze(int)", "[0, 1, MAX]", () -> Tensor.zeros(0, 1, MAX).squeeze(1), 0, MAX),
                gives("unsqueeze(int)", "front", () -> big.unsqueeze(1), 0, 1, 65536, 65536),
                gives("broadcastTo(int[])", "[0, MAX, MAX]", () -> Tensor.zeros(1).broadcastTo(0, MAX, MAX), 0, MAX, MAX),
                refuses("broadcastTo(int[])", "[65536, 65536]", () -> Tensor.zeros(1).broadcastTo(65536, 65536), "4294967296"),
                gives("flip(int[])", "axis 1", () -> big.flip(1), 0, 65536, 65536),
                gives("roll(int, int)", "axis 2", () -> big.roll(MAX, 2), 0, 65536, 65536),
                gives("rot90(int, int, int)", "axes 0, 1", () -> big.rot90(1, 0, 1), 65536, 0, 65536),
                gives("slice(int, int, int)", "to MAX", () -> big.slice(1, 0, MAX), 0, 65536, 65536),
                gives("slice(int, int, int, int)", "step 2", () -> big.slice(2, 1, MAX, 2), 0, 65536, 32768),
                gives("indexSelect(int, int[])", "two rows", () -> big.indexSelect(1, 0, 65535), 0, 2, 65536),
                gives("gather(int, Tensor)", "three", () -> big.gather(1, Tensor.zeros(0, 3, 65536)), 0, 3, 65536),
                gives("pad(int[], double)", "one each side", () -> big.pad(new int[] {1, 1, 1, 1}, 0), 0, 65538, 65538),
                refuses("pad(int[], double)", "past MAX", () -> Tensor.zeros(0, MAX - 1).pad(new int[] {1, 1}, 0), "pad", "2147483648"),
                gives("concat(int, Tensor[])", "axis 1", () -> Tensor.concat(1, big, big), 0, 131072, 65536),
                gives("concat(int, Tensor[])", "up to MAX", () -> Tensor.concat(1, Tensor.zeros(0, MAX - 1), Tensor.zeros(0, 1)), 0, MAX),
                refuses("concat(int, Tensor[])", "past MAX", () -> Tensor.concat(1, Tensor.zeros(0, MAX), Tensor.zeros(0, 1)),
                        "concat", "2147483648"),
                gives("stack(int, Tensor[])", "axis 0", () -> Tensor.stack(0, Tensor.zeros(0, MAX), Tensor.zeros(0, MAX)), 2, 0, MAX),
                refuses("stack(int, Tensor[])", "axis 1 of [0, 65536, 65536]", () -> Tensor.stack(1, big, big), "4294967296"),
                // reductions along an axis
                gives("sum()", "all", () -> big.sum()),
                gives("sum(int, boolean)", "axis 1", () -> big.sum(1, false), 0, 65536),
                refuses("sum(int, boolean)", "axis 0, leaving 2^32", () -> big.sum(0, false), "4294967296"),
                gives("mean()", "all", () -> Tensor.zeros(1, MAX, 0).mean()),
                gives("mean(int, boolean)", "axis 2", () -> big.mean(2, true), 0, 65536, 1),
                gives("max()", "of one", () -> Tensor.zeros(1, 1).max()),
                gives("max(int, boolean)", "axis 1", () -> big.max(1, false), 0, 65536),
                gives("min()", "of one", () -> Tensor.zeros(1, 1).min()),
                gives("min(int, boolean)", "axis 2", () -> big.min(2, false), 0, 65536),
                gives("argmax(int)", "axis 1", () -> big.argmax(1), 0, 65536),
                gives("logSumExp(int, boolean)", "axis 1", () -> big.logSumExp(1, true), 0, 1, 65536),
                gives("norm(double)", "all", () -> big.norm(2)),
                gives("norm(double, int, boolean)", "axis 2", () -> big.norm(2, 2, false), 0, 65536),
                refuses("norm(double, int, boolean)", "axis 0, leaving 2^32", () -> big.norm(2, 0, false), "4294967296"),
                gives("softmax(int)", "axis 1", () -> big.softmax(1), 0, 65536, 65536),
                gives("logSoftmax(int)", "axis 2", () -> big.logSoftmax(2), 0, 65536, 65536),
                gives("cumsum(int)", "axis 2", () -> big.cumsum(2), 0, 65536, 65536),
                // products and windows
                gives("matmul(Tensor)", "batch of none", () -> Tensor.zeros(0, 65536, 3).matmul(Tensor.zeros(3, 65536)), 0, 65536, 65536),
                refuses("matmul(Tensor)", "[65536, 0] [0, 65536]", () -> Tensor.zeros(65536, 0).matmul(Tensor.zeros(0, 65536)),
                        "matmul", "4294967296"),
                gives("linear(Tensor, Tensor)", "batch of none", () -> big.linear(Tensor.zeros(2, 65536), null), 0, 65536, 2),
                gives("conv2d(Tensor, Tensor, int, int)", "none of 65536 x 65536",
                        () -> emptyImages(65536, 65536).conv2d(Tensor.zeros(1, 1, 3, 3), null, 1, 1), 0, 1, 65536, 65536),
                refuses("conv2d(Tensor, Tensor, int, int)", "padding 1.5e9",
                        () -> emptyImages(4, 4).conv2d(Tensor.zeros(1, 1, 3, 3), null, 1, 1_500_000_000), "conv2d", "3000000002"),
                refuses("conv2d(Tensor, Tensor, int, int, int, int)", "height MAX padded by 1",
                        () -> emptyImages(MAX, 1).conv2d(Tensor.zeros(1, 1, 1, 1), null, 1, 1, 1, 1), "conv2d", "2147483649"),
                gives("conv2d(Tensor, Tensor, int, int, int, int)", "height MAX, dilation MAX",
                        () -> emptyImages(MAX, 3).conv2d(Tensor.zeros(1, 1, 2, 1), null, 1, 0, MAX - 1, 1), 0, 1, 1, 3),
                gives("maxPool2d(int, int, int)", "halves", () -> emptyImages(65536, 65536).maxPool2d(2, 2, 0), 0, 1, 32768, 32768),
                refuses("maxPool2d(int, int, int)", "height MAX padded by 1",
                        () -> emptyImages(MAX, 2).maxPool2d(2, 1, 1), "maxPool2d", "2147483648"),
                refuses("avgPool2d(int, int, int)", "height MAX padded by 1",
                        () -> emptyImages(MAX, 2).avgPool2d(2, 1, 1), "avgPool2d", "2147483648"),
                gives("avgPool2d(int, int, int)", "height MAX", () -> emptyImages(MAX, 2).avgPool2d(2, 2, 0), 0, 1, MAX / 2, 1),
                gives("where(Tensor, Tensor, Tensor)", "broadcast", () -> Tensor.where(Tensor.zeros(0, 1, 65536),
                        Tensor.zeros(65536, 1), Tensor.scalar(0)), 0, 65536, 65536)));
        // elementwise: the input's shape, also broadcast against a small tensor of the other shape
        Tensor column = Tensor.zeros(65536, 1);
        Tensor row = Tensor.zeros(0, 1, 65536);
        for (String binary : List.of("add", "sub", "mul", "div", "eq", "gt", "lt", "maximum", "minimum")) {
            cases.add(gives(binary + "(Tensor)", "broadcast to [0, 65536, 65536]", () -> invoke(row, binary, column), 0, 65536, 65536));
        }
        for (String scalar : List.of("add", "sub", "mul", "div", "pow", "leakyRelu", "gt", "lt")) {
            cases.add(gives(scalar + "(double)", "empty", () -> invoke(big, scalar, 0.5), 0, 65536, 65536));
        }
        cases.add(gives("clamp(double, double)", "empty", () -> big.clamp(0, 1), 0, 65536, 65536));
        for (String unary : UNARY) {
            cases.add(gives(unary + "()", "empty", () -> invoke(big, unary), 0, 65536, 65536));
        }
        return cases;
    }

    private static final List<String> UNARY = List.of("abs", "exp", "log", "log1p", "neg", "relu", "sigmoid", "softplus",
            "sqrt", "tanh", "copy", "detach");

    /** Tensor-returning methods that make no new shape, with the reason. */
    private static final Map<String, String> NOT_SHAPE_PRODUCING = Map.of(
            "grad()", "returns the stored gradient",
            "label(String)", "names the tensor, returns it",
            "requiresGrad(boolean)", "sets a flag, returns the tensor",
            "to(DType)", "converts elements, keeps the shape",
            "toInPlace(DType)", "converts storage, keeps the shape");

    private static Tensor invoke(Tensor target, String name, Object... arguments) {
        try {
            Class<?>[] types = Arrays.stream(arguments).map(a -> a instanceof Tensor ? Tensor.class : double.class)
                    .toArray(Class<?>[]::new);
            return (Tensor) Tensor.class.getMethod(name, types).invoke(target, arguments);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(name + ": " + e, e);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachOpGivesItsShapeOrRefusesWithTheNumber() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.signature() + " <- " + c.what(), () -> {
            if (c.shape() != null) {
                Tensor result = c.call().get();
                assertArrayEquals(c.shape(), result.shape(), c.signature() + ": " + Arrays.toString(result.shape()));
                return;
            }
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> c.call().get(), c.what());
            for (String fragment : c.fragments()) {
                assertTrue(error.getMessage().contains(fragment), c.what() + ": '" + fragment + "' missing from: "
                        + error.getMessage());
            }
        }));
    }

    @Test
    void everyTensorReturningMethodIsCovered() {
        Set<String> covered = cases().stream().map(Case::signature).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (Method method : Tensor.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && method.getReturnType() == Tensor.class) {
                String signature = method.getName() + Arrays.stream(method.getParameterTypes())
                        .map(type -> type.isArray() ? type.getComponentType().getSimpleName() + "[]" : type.getSimpleName())
                        .collect(Collectors.joining(", ", "(", ")"));
                if (!covered.contains(signature) && !NOT_SHAPE_PRODUCING.containsKey(signature)) {
                    missing.add(signature);
                }
            }
        }
        if (!missing.isEmpty()) {
            fail("Tensor methods without a shape-limit case or a reason: " + missing);
        }
    }

    @Test
    void shapeArithmeticInLong() {
        assertEquals(0, Shapes.size(new int[] {65536, 65536, 0}), "a zero anywhere gives 0");
        assertEquals(0, Shapes.size(new int[] {MAX, MAX, MAX, MAX, 0}));
        assertEquals(4294967296L, Shapes.product(new int[] {65536, 65536}, 0, 2));
        assertEquals(Long.MAX_VALUE, Shapes.product(new int[] {MAX, MAX, MAX}, 0, 3), "saturated, not wrapped");
        assertArrayEquals(new int[] {0, 65536, 1}, Shapes.strides(new int[] {0, 65536, 65536}),
                "a stride past an int only in an empty shape, given as 0");
        assertEquals(NEAR_ROOT * NEAR_ROOT, Shapes.mergedDimension("op", new int[] {NEAR_ROOT, NEAR_ROOT}, 0, 2));
        String message = assertThrows(IllegalArgumentException.class,
                () -> Shapes.inner(new int[] {0, 65536, 65536}, 0)).getMessage();
        assertTrue(message.contains("4294967296") && message.contains("after axis 0"), message);
        assertEquals(0, Shapes.outer(new int[] {65536, 0, 65536, 4}, 3));
    }
}
