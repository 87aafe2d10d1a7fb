package org.equireg.regularizer.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.nn.Adam;
import org.equireg.nn.AdamW;
import org.equireg.nn.Losses;
import org.equireg.nn.Optimizer;
import org.equireg.nn.Reduction;
import org.equireg.nn.SGD;
import org.equireg.regularizer.Distance;
import org.equireg.regularizer.transforms.FiniteGroup;
import org.equireg.regularizer.transforms.Padding;
import org.equireg.regularizer.transforms.RandomTransform;
import org.equireg.regularizer.transforms.Transform;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every distance, loss, optimizer and transform, found by reflection, run in float32 and in float64
 * on inputs holding exact zeros, huge values (1e15, whose squares still fit a float) and tiny ones
 * (1e-15, 1e-30): the float32 result must be a number wherever the float64 one is, and agree with
 * it to float32 precision. This catches a constant built for one type and used in the other (a
 * guard of {@code Double.MIN_NORMAL}, which is 0 in float32). The float64 run starts from the
 * float32-rounded inputs, so only the computation differs. The float64 run is repeated with float32
 * as the default type, which must change nothing (a constant built in the default type would).
 *
 * <p>Where the documentation says the types differ, the float64 reference follows it: a
 * probability distance replaces an exact zero by its type's smallest normal number (log -708.4 in
 * float64, -87.3 in float32), so its float64 reference gets {@code Float.MIN_NORMAL} for each zero.
 */
class DtypeAgreementTest {
    /**
     * Agreement allowed, relative to the scale of the computation (the inputs' magnitude, or the
     * result's): float32 rounds to 2^-24 = 6e-8 per operation; 1e-5 leaves room for a few hundred
     * roundings and still catches any constant of the wrong type, which is off by orders of magnitude.
     */
    private static final double RELATIVE = 1e-5;

    private static final double HUGE = 1e15;
    private static final double TINY = 1e-15;

    // ------------------------------------------------------------------ distances

    /** Rows (4, 4) of real values: zeros, huge, tiny, and all three mixed, each with a distinct b. */
    private static final double[] REAL_A = {0, 0, 0, 0, HUGE, 0, -2 * HUGE, 3 * HUGE, TINY, 0, -3 * TINY, 2 * TINY,
        HUGE, TINY, 0, -1};
    private static final double[] REAL_B = {0, 0, 0, 0, -0.5 * HUGE, 2.5 * HUGE, 0.25 * HUGE, 1.25 * HUGE, 0, 2 * TINY, TINY,
        -TINY, 0, -TINY, 2 * HUGE, 1}; // no ties in the largest difference: LINF's gradient picks one element
    /** Rows (5, 4) of probabilities: zeros at the same places, zeros on one side, tiny, near one, none. */
    private static final double[] PROBABILITY_A = {0.5, 0.5, 0, 0, 0.5, 0.5, 0, 0, 1e-30, 0.5, 0.5, 0, 1, 0, 0, 0,
        0.1, 0.2, 0.3, 0.4};
    private static final double[] PROBABILITY_B = {0.25, 0.75, 0, 0, 0.25, 0.25, 0.25, 0.25, 0.5, 1e-30, 0.5, 0,
        0.999999, 1e-6, 0, 0, 0.4, 0.3, 0.2, 0.1};

    /** Every public Distance constant, and lp for a few p. */
    private static Map<String, Distance> distances() {
        Map<String, Distance> distances = new LinkedHashMap<>();
        for (Field field : Distance.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Distance.class) {
                try {
                    distances.put(field.getName(), (Distance) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        distances.put("lp(3)", Distance.lp(3));
        distances.put("lp(1.5)", Distance.lp(1.5));
        return distances;
    }

    private static boolean takesProbabilities(String name) {
        return name.equals("CROSS_ENTROPY") || name.equals("KL");
    }

    @TestFactory
    Stream<DynamicTest> eachDistance() {
        return distances().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            boolean probabilities = takesProbabilities(entry.getKey());
            int rows = probabilities ? 5 : 4;
            Tensor a32 = Tensor.of(probabilities ? PROBABILITY_A : REAL_A, rows, 4).to(DType.FLOAT32).requiresGrad(true);
            Tensor b32 = Tensor.of(probabilities ? PROBABILITY_B : REAL_B, rows, 4).to(DType.FLOAT32).requiresGrad(true);
            Tensor a64 = reference(a32, probabilities).requiresGrad(true);
            Tensor b64 = reference(b32, probabilities).requiresGrad(true);
            Tensor d32 = entry.getValue().between(a32, b32);
            Tensor d64 = entry.getValue().between(a64, b64);
            assertEquals(DType.FLOAT32, d32.dtype(), "float32 in, float32 out");
            double[] scale = new double[rows];
            for (int row = 0; row < rows; row++) {
                scale[row] = probabilities ? logScale(a64, b64, row)
                        : entry.getKey().contains("LOGITS") ? 4 + inputScale(a64, b64, row) : inputScale(a64, b64, row);
            }
            assertAgree(entry.getKey(), d64.toArray(), d32.toArray(), scale);
            double[] d64UnderFloat32Default = underFloat32Default(() -> entry.getValue().between(a64.detach(), b64.detach()));
            assertAgree(entry.getKey() + " in float64 under a float32 default", d64.toArray(), d64UnderFloat32Default, scale);
            if (!probabilities) { // a replaced zero has no gradient in float32 but 1/tiny in its float64 stand-in
                // A norm's gradient is a direction: it is compared only where float32 resolves the distance.
                double[] resolved = new double[rows];
                for (int row = 0; row < rows; row++) {
                    resolved[row] = Math.abs(d64.toArray()[row]) > RELATIVE * scale[row] ? 1 : 0;
                }
                d32.mul(Tensor.of(resolved, rows).to(DType.FLOAT32)).sum().backward();
                d64.mul(Tensor.of(resolved, rows)).sum().backward();
                assertAgree(entry.getKey() + " gradient of a", a64.grad().toArray(), a32.grad().toArray(), 1);
                assertAgree(entry.getKey() + " gradient of b", b64.grad().toArray(), b32.grad().toArray(), 1);
            }
        }));
    }

    /** The float64 twin of a float32 tensor; for probabilities each exact zero becomes float32's floor. */
    private static Tensor reference(Tensor x32, boolean probabilities) {
        double[] values = x32.toArray();
        if (probabilities) {
            for (int i = 0; i < values.length; i++) {
                values[i] = values[i] == 0 ? Float.MIN_NORMAL : values[i];
            }
        }
        return Tensor.of(values, x32.shape());
    }

    private static double inputScale(Tensor a, Tensor b, int row) {
        double largest = 0;
        for (double value : a.slice(0, row, row + 1).toArray()) {
            largest = Math.max(largest, Math.abs(value));
        }
        for (double value : b.slice(0, row, row + 1).toArray()) {
            largest = Math.max(largest, Math.abs(value));
        }
        return 4 * largest;
    }

    private static double logScale(Tensor a, Tensor b, int row) {
        double largest = 1;
        for (Tensor side : List.of(a, b)) {
            for (double value : side.slice(0, row, row + 1).toArray()) {
                largest = Math.max(largest, Math.abs(Math.log(value)));
            }
        }
        return 4 * largest;
    }

    // ------------------------------------------------------------------ losses

    private static final double[] LOGITS = {0, 0, 0, 0, HUGE, -HUGE, 0, 2 * HUGE, TINY, -TINY, 0, 2 * TINY, 3, 0, -1e-30, 1};
    private static final double[] TARGETS = {0, 0, 0, 0, -HUGE, 0, HUGE, HUGE, 0, TINY, -TINY, 0, 1, 1e-30, 0, -1};
    private static final double[] PROBABILITY_TARGETS = {0.25, 0.25, 0.25, 0.25, 0, 1, 0, 0, 0.5, 0.5, 0, 0, 0.1, 0.2, 0.3, 0.4};
    private static final double[] BINARY_TARGETS = {0, 1, 0.5, 1, 1, 0, 1, 0, 0, 0, 1, 1, 0.3, 0.7, 1, 0};
    private static final int[] LABELS = {0, 1, 2, 3};

    /** Per method name of {@link Losses}, the losses to compare (each on the float32 inputs and their float64 twins). */
    private static Map<String, List<BiFunction<Tensor, DType, Tensor>>> losses() {
        Map<String, List<BiFunction<Tensor, DType, Tensor>>> losses = new LinkedHashMap<>();
        losses.put("mse", List.of((x, type) -> Losses.mse(x, targets(TARGETS, type)),
                (x, type) -> Losses.mse(x, targets(TARGETS, type), Reduction.SUM)));
        losses.put("l1", List.of((x, type) -> Losses.l1(x, targets(TARGETS, type)),
                (x, type) -> Losses.l1(x, targets(TARGETS, type), Reduction.NONE).sum()));
        losses.put("smoothL1", List.of((x, type) -> Losses.smoothL1(x, targets(TARGETS, type)),
                (x, type) -> Losses.smoothL1(x, targets(TARGETS, type), 1e-20, Reduction.SUM)));
        losses.put("crossEntropy", List.of((x, type) -> Losses.crossEntropy(x, LABELS),
                (x, type) -> Losses.crossEntropy(x, LABELS, 0.1, Reduction.SUM),
                (x, type) -> Losses.crossEntropy(x, targets(PROBABILITY_TARGETS, type)),
                (x, type) -> Losses.crossEntropy(x, targets(PROBABILITY_TARGETS, type), 0.2, Reduction.MEAN)));
        losses.put("nll", List.of((x, type) -> Losses.nll(x.logSoftmax(1), LABELS),
                (x, type) -> Losses.nll(x.logSoftmax(1), LABELS, Reduction.NONE).sum()));
        losses.put("binaryCrossEntropyWithLogits", List.of(
                (x, type) -> Losses.binaryCrossEntropyWithLogits(x, targets(BINARY_TARGETS, type)),
                (x, type) -> Losses.binaryCrossEntropyWithLogits(x, targets(BINARY_TARGETS, type), Reduction.SUM)));
        return losses;
    }

    private static Tensor targets(double[] values, DType type) {
        return Tensor.of(values, 4, 4).to(DType.FLOAT32).to(type);
    }

    @TestFactory
    Stream<DynamicTest> eachLoss() {
        return losses().entrySet().stream().flatMap(entry -> {
            List<DynamicTest> tests = new ArrayList<>();
            for (int variant = 0; variant < entry.getValue().size(); variant++) {
                BiFunction<Tensor, DType, Tensor> loss = entry.getValue().get(variant);
                tests.add(DynamicTest.dynamicTest(entry.getKey() + " #" + variant, () -> {
                    Tensor x32 = Tensor.of(LOGITS, 4, 4).to(DType.FLOAT32).requiresGrad(true);
                    Tensor x64 = x32.detach().to(DType.FLOAT64).requiresGrad(true);
                    Tensor l32 = loss.apply(x32, DType.FLOAT32);
                    Tensor l64 = loss.apply(x64, DType.FLOAT64);
                    assertEquals(DType.FLOAT32, l32.dtype());
                    // the losses are sums of terms of the inputs' size, squared for mse: the scale is the largest term
                    double scale = entry.getKey().equals("mse") ? 4 * HUGE * HUGE * 16 : 4 * HUGE * 16;
                    assertAgree(entry.getKey(), l64.toArray(), l32.toArray(), scale);
                    assertAgree(entry.getKey() + " in float64 under a float32 default", l64.toArray(),
                            underFloat32Default(() -> loss.apply(x64.detach(), DType.FLOAT64)), scale);
                    l32.backward();
                    l64.backward();
                    double gradientScale = entry.getKey().equals("mse") ? 4 * HUGE * 2 : 2;
                    assertAgree(entry.getKey() + " gradient", x64.grad().toArray(), x32.grad().toArray(), gradientScale);
                }));
            }
            return tests.stream();
        });
    }

    // ------------------------------------------------------------------ optimizers

    private static final double[] PARAMETER = {0, HUGE, -HUGE, TINY, -TINY, 1, 0.5, 1e-30};
    private static final double[] SLOPE = {TINY, 0, HUGE, -HUGE, 1, TINY, 1e-30, 0};
    private static final int STEPS = 5;

    /** Per concrete Optimizer class of nn, the configurations to run. */
    private static Map<Class<?>, List<Function<List<Tensor>, Optimizer>>> optimizers() {
        Map<Class<?>, List<Function<List<Tensor>, Optimizer>>> optimizers = new LinkedHashMap<>();
        optimizers.put(SGD.class, List.of(parameters -> new SGD(parameters, 0.1),
                parameters -> new SGD(parameters, 0.1, 0.9, 0.1, 1e-4, false),
                parameters -> new SGD(parameters, 0.1, 0.9, 0, 1e-4, true)));
        optimizers.put(Adam.class, List.of(parameters -> new Adam(parameters, 0.01),
                parameters -> new Adam(parameters, 0.01, 0.8, 0.99, 1e-12, 1e-3)));
        optimizers.put(AdamW.class, List.of(parameters -> new AdamW(parameters, 0.01),
                parameters -> new AdamW(parameters, 0.01, 0.8, 0.99, 1e-12, 0.1)));
        return optimizers;
    }

    @TestFactory
    Stream<DynamicTest> eachOptimizer() {
        return optimizers().entrySet().stream().flatMap(entry -> {
            List<DynamicTest> tests = new ArrayList<>();
            for (int variant = 0; variant < entry.getValue().size(); variant++) {
                Function<List<Tensor>, Optimizer> factory = entry.getValue().get(variant);
                tests.add(DynamicTest.dynamicTest(entry.getKey().getSimpleName() + " #" + variant, () -> {
                    Tensor p32 = Tensor.of(PARAMETER, PARAMETER.length).to(DType.FLOAT32).requiresGrad(true);
                    Tensor p64 = p32.detach().to(DType.FLOAT64).requiresGrad(true);
                    Tensor p64UnderFloat32Default = p32.detach().to(DType.FLOAT64).requiresGrad(true);
                    train(factory.apply(List.of(p32)), p32);
                    train(factory.apply(List.of(p64)), p64);
                    underFloat32Default(() -> {
                        train(factory.apply(List.of(p64UnderFloat32Default)), p64UnderFloat32Default);
                        return p64UnderFloat32Default;
                    });
                    double[] scales = new double[PARAMETER.length];
                    Arrays.setAll(scales, i -> Math.abs(PARAMETER[i]) + Math.abs(SLOPE[i]) + 1);
                    assertAgree(entry.getKey().getSimpleName(), p64.toArray(), p32.toArray(), scales);
                    assertAgree(entry.getKey().getSimpleName() + " in float64 under a float32 default", p64.toArray(),
                            p64UnderFloat32Default.toArray(), scales);
                }));
            }
            return tests.stream();
        });
    }

    /** STEPS steps on the loss sum(p * slope) + sum(p^2) / 2: gradient slope + p. */
    private static void train(Optimizer optimizer, Tensor parameter) {
        Tensor slope = Tensor.of(SLOPE, SLOPE.length).to(DType.FLOAT32).to(parameter.dtype());
        for (int step = 0; step < STEPS; step++) {
            optimizer.zeroGrad();
            parameter.mul(slope).sum().add(parameter.mul(parameter).sum().mul(0.5)).backward();
            optimizer.step();
        }
    }

    // ------------------------------------------------------------------ transforms

    /** Per factory method of {@link Transforms}, an instance and the batch shape it acts on. */
    private static Map<String, List<Supplier<Object>>> transforms() {
        Map<String, List<Supplier<Object>>> transforms = new LinkedHashMap<>();
        transforms.put("identity", List.of(Transforms::identity));
        transforms.put("compose", List.of(() -> Transforms.compose(Transforms.rot90(1), Transforms.flip(3))));
        transforms.put("roll", List.of(() -> Transforms.roll(2, 3), () -> Transforms.roll(new int[] {1, -1}, new int[] {2, 3})));
        transforms.put("translate", List.of(() -> Transforms.translate(2, 3),
                () -> Transforms.translate(new int[] {1, -1}, new int[] {2, 3})));
        transforms.put("flip", List.of(() -> Transforms.flip(2, 3)));
        transforms.put("rot90", List.of(() -> Transforms.rot90(1)));
        transforms.put("d4", List.of(() -> Transforms.d4(3, true)));
        transforms.put("rotate", List.of(() -> Transforms.rotate(0.3, Padding.ZEROS), () -> Transforms.rotate(-1, Padding.BORDER)));
        transforms.put("randomRotation", List.of(() -> Transforms.randomRotation(-1, 1, Padding.ZEROS)));
        transforms.put("scale", List.of(() -> Transforms.scale(1.3, Padding.BORDER), () -> Transforms.scale(0.7, Padding.ZEROS)));
        transforms.put("affine", List.of(() -> Transforms.affine(new double[][] {{1, 0.2}, {-0.1, 0.9}}, new double[] {0.5, -1.5},
                Padding.ZEROS)));
        transforms.put("permuteAxes", List.of(() -> Transforms.permuteAxes(0, 2, 1)));
        transforms.put("permuteAlong", List.of(() -> Transforms.permuteAlong(3, 5, 4, 3, 2, 1, 0)));
        transforms.put("permuteChannels", List.of(() -> Transforms.permuteChannels(1, 0)));
        transforms.put("linear", List.of(() -> Transforms.linear(new double[][] {{1, 2, 0}, {0, 1, -1}, {3, 0, 1}})));
        transforms.put("rotation2d", List.of(() -> Transforms.rotation2d(0.7)));
        transforms.put("rotation3d", List.of(() -> Transforms.rotation3d(new double[] {1, 2, 3}, 0.4)));
        transforms.put("signFlips", List.of(() -> Transforms.signFlips(1, -1, 1)));
        transforms.put("downsample", List.of(() -> Transforms.downsample(2)));
        transforms.put("blur", List.of(() -> Transforms.blur(0.25, 0.5, 0.25)));
        transforms.put("gaussianBlur", List.of(() -> Transforms.gaussianBlur(0.8, 2)));
        transforms.put("c4", List.of(Transforms::c4));
        transforms.put("d4()", List.of(Transforms::d4));
        transforms.put("cyclicShifts", List.of(() -> Transforms.cyclicShifts(3, 6)));
        transforms.put("flips", List.of(() -> Transforms.flips(2, 3)));
        transforms.put("permutationsAlong", List.of(() -> Transforms.permutationsAlong(1, 3)));
        transforms.put("signFlipGroup", List.of(() -> Transforms.signFlipGroup(3)));
        transforms.put("rotations2d", List.of(() -> Transforms.rotations2d(6)));
        return transforms;
    }

    /** Vector transforms act on (batch, 3) or (batch, 2); the rest on images (batch, 2, 6, 6). */
    private static int[] batchShape(String name) {
        switch (name) {
            case "linear", "rotation3d", "signFlips", "signFlipGroup", "permutationsAlong":
                return new int[] {6, 3};
            case "rotation2d", "rotations2d":
                return new int[] {6, 2};
            default:
                return new int[] {3, 2, 6, 6};
        }
    }

    /** Inputs cycling through zeros and huge, tiny or ordinary values of both signs, with their scale. */
    private static final Map<String, double[]> PATTERNS = Map.of(
            "huge", new double[] {0, 1e30, -1e-30, 0.5, -2e30, 0, 3e-30, -1, 0, 1e15, -1e-15, 7},
            "tiny", new double[] {0, 1e-30, -3e-30, 2e-30, 0, -1e-30, 1.5e-30},
            "ordinary", new double[] {0, 0.5, -1, 2, 0, 0.25, -3});

    private static double[] values(double[] pattern, int size) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = pattern[(i * 5) % pattern.length];
        }
        return values;
    }

    @TestFactory
    Stream<DynamicTest> eachTransform() {
        return transforms().entrySet().stream().flatMap(entry -> {
            List<DynamicTest> tests = new ArrayList<>();
            for (int variant = 0; variant < entry.getValue().size(); variant++) {
                Supplier<Object> factory = entry.getValue().get(variant);
                tests.add(DynamicTest.dynamicTest(entry.getKey() + " #" + variant, () -> {
                    int[] shape = batchShape(entry.getKey());
                    int size = Arrays.stream(shape).reduce(1, (p, q) -> p * q);
                    for (Map.Entry<String, double[]> pattern : PATTERNS.entrySet()) {
                        Tensor x32 = Tensor.of(values(pattern.getValue(), size), shape).to(DType.FLOAT32);
                        Tensor x64 = x32.to(DType.FLOAT64);
                        double largest = Arrays.stream(pattern.getValue()).map(Math::abs).max().orElseThrow();
                        for (Transform transform : instances(factory.get())) {
                            Tensor y32 = transform.apply(x32);
                            Tensor y64 = transform.apply(x64);
                            assertEquals(DType.FLOAT32, y32.dtype(), transform.toString());
                            // linear maps: an output combines a few inputs with weights of magnitude below 4
                            assertAgree(transform + " on " + pattern.getKey() + " values", y64.toArray(), y32.toArray(),
                                    12 * largest);
                            assertAgree(transform + " on " + pattern.getKey() + " values in float64 under a float32 default",
                                    y64.toArray(), underFloat32Default(() -> transform.apply(x64)), 12 * largest);
                        }
                    }
                }));
            }
            return tests.stream();
        });
    }

    /** The transforms a factory gave: itself, a group's elements, or two draws of a random transform (seeded). */
    private static List<Transform> instances(Object made) {
        if (made instanceof FiniteGroup group) {
            return group.elements();
        }
        if (made instanceof RandomTransform random) {
            return List.of(random.draw(new SplittableRandom(1)), random.draw(new SplittableRandom(2)));
        }
        return List.of((Transform) made);
    }

    // ------------------------------------------------------------------ coverage and comparison

    /**
     * The values of {@code computation} (on float64 inputs) run while float32 is the default type: a
     * constant built in the default type instead of its operands' type would change them.
     */
    private static double[] underFloat32Default(Supplier<Tensor> computation) {
        DType before = Tensor.defaultDtype();
        Tensor.setDefaultDtype(DType.FLOAT32);
        try {
            Tensor result = computation.get();
            assertEquals(DType.FLOAT64, result.dtype(), "float64 operands give float64 whatever the default");
            return result.toArray();
        } finally {
            Tensor.setDefaultDtype(before);
        }
    }

    @Test
    void everyDistanceLossOptimizerAndTransformHasACase() {
        List<String> missing = new ArrayList<>();
        for (Method method : Losses.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) && method.getReturnType() == Tensor.class
                    && !losses().containsKey(method.getName())) {
                missing.add("Losses." + method.getName());
            }
        }
        for (Method method : Transforms.class.getMethods()) {
            boolean factory = RandomTransform.class.isAssignableFrom(method.getReturnType())
                    || Transform.class.isAssignableFrom(method.getReturnType());
            String key = method.getName().equals("d4") && method.getParameterCount() == 0 ? "d4()" : method.getName();
            if (Modifier.isStatic(method.getModifiers()) && factory && !transforms().containsKey(key)) {
                missing.add("Transforms." + key);
            }
        }
        for (Class<?> type : PublicApi.publicClasses(Optimizer.class)) {
            if (Optimizer.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())
                    && !optimizers().containsKey(type)) {
                missing.add(type.getName());
            }
        }
        assertTrue(distances().keySet().containsAll(List.of("L1", "L2", "LINF", "CROSS_ENTROPY", "CROSS_ENTROPY_LOGITS",
                "KL_LOGITS", "KL")), "the reflection found " + distances().keySet());
        if (!missing.isEmpty()) {
            fail("no float32-against-float64 case for " + new TreeSet<>(missing));
        }
    }

    /**
     * Each float32 value is a number where the float64 one is, and within {@link #RELATIVE} of
     * (|expected| + scale); {@code scales} per element group (one scale per row of equal length) or one.
     */
    private static void assertAgree(String what, double[] expected, double[] actual, double... scales) {
        assertEquals(expected.length, actual.length, what + ": lengths");
        int perScale = Math.max(1, expected.length / scales.length);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            double scale = scales[Math.min(i / perScale, scales.length - 1)];
            double tolerance = RELATIVE * (Math.abs(expected[i]) + scale);
            boolean same = Double.isNaN(expected[i]) ? Double.isNaN(actual[i])
                    : Double.isInfinite(expected[i]) ? expected[i] == actual[i]
                    : Math.abs(actual[i] - expected[i]) <= tolerance;
            if (!same) {
                problems.add("[" + i + "] float64 " + expected[i] + ", float32 " + actual[i] + " (tolerance " + tolerance + ")");
            }
        }
        if (!problems.isEmpty()) {
            fail(what + ": " + problems.size() + " of " + expected.length + " disagree: "
                    + problems.stream().limit(6).collect(Collectors.joining("; ")));
        }
    }
}
