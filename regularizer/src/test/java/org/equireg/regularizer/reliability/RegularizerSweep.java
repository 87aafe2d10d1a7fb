package org.equireg.regularizer.reliability;

import static org.equireg.regularizer.reliability.SweepRow.row;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.equireg.core.Tensor;
import org.equireg.nn.Linear;
import org.equireg.nn.Sequential;
import org.equireg.regularizer.Distance;
import org.equireg.regularizer.EquivarianceError;
import org.equireg.regularizer.TransformPair;
import org.equireg.regularizer.lie.LayerwiseAttribution;
import org.equireg.regularizer.lie.LieDerivative;
import org.equireg.regularizer.lie.LieGenerator;
import org.equireg.regularizer.samplers.Samplers;
import org.equireg.regularizer.transforms.FiniteGroup;
import org.equireg.regularizer.transforms.Padding;
import org.equireg.regularizer.transforms.RandomAffine;
import org.equireg.regularizer.transforms.Transform;
import org.equireg.regularizer.transforms.Transforms;

/** The sweep's rows for the regularizer's public entry points. */
final class RegularizerSweep {
    private static final int[] VECTOR = {3};

    private RegularizerSweep() {
    }

    static Stream<SweepRow> rows() {
        return Stream.of(regularizer(), pairsAndDistances(), samplers(), transforms(), lie()).flatMap(rows -> rows);
    }

    private static List<TransformPair> pairs() {
        return List.of(TransformPair.of(Transforms.identity(), Transforms.flip(1), 0, 1));
    }

    private static EquivarianceError regularizerOf() {
        return new EquivarianceError(new Linear(3, 3), VECTOR, pairs(), Distance.L2, 4, 1);
    }

    private static EquivarianceError.Builder builder() {
        return EquivarianceError.builder(new Linear(3, 3), VECTOR, pairs());
    }

    private static Stream<SweepRow> regularizer() {
        return Stream.of(
                row("regularizer.EquivarianceError#new(Module, int[], List, Distance, int, int)", "n = 0",
                        () -> new EquivarianceError(new Linear(3, 3), VECTOR, pairs(), Distance.L2, 0, 1), "EquivarianceError", "n", "0"),
                row("regularizer.EquivarianceError#new(Module, int[], List, Distance, int, int)", "null model",
                        () -> new EquivarianceError(null, VECTOR, pairs(), Distance.L2, 4, 1), "EquivarianceError", "model is null"),
                row("regularizer.EquivarianceError#builder(Module, int[], List)", "null transforms",
                        () -> EquivarianceError.builder(new Linear(3, 3), VECTOR, null).build(), "EquivarianceError", "transforms is null"),
                row("regularizer.EquivarianceError#compute(Tensor)", "inputs [2, 4] for shape [3]",
                        () -> regularizerOf().compute(Tensor.zeros(2, 4)), "compute", "[2, 4]", "[3]"),
                row("regularizer.EquivarianceError#compute(Tensor, Tensor)", "outputs of 3 rows for a batch of 2",
                        () -> regularizerOf().compute(Tensor.zeros(2, 3), Tensor.zeros(3, 3)), "compute", "outputsOfInputs", "[3, 3]", "2"),
                row("regularizer.EquivarianceError#compute(Tensor, Tensor)", "null outputs",
                        () -> regularizerOf().compute(Tensor.zeros(2, 3), null), "compute", "outputsOfInputs is null"),
                row("regularizer.EquivarianceError#report(int)", "batches = 0", () -> regularizerOf().report(0), "report", "batches", "0"),
                row("regularizer.EquivarianceError#report(Tensor)", "null inputs", () -> regularizerOf().report(null), "report", "inputs", "null"),
                row("regularizer.EquivarianceError.Builder#distance(Distance)", "null", () -> builder().distance(null).build(), "distance is null"),
                row("regularizer.EquivarianceError.Builder#sampleSize(int)", "-1", () -> builder().sampleSize(-1).build(), "n", "-1"),
                row("regularizer.EquivarianceError.Builder#functionsPerCall(int)", "0", () -> builder().functionsPerCall(0).build(), "numFuncs", "0"),
                row("regularizer.EquivarianceError.Builder#sampler(Sampler)", "null", () -> builder().sampler(null).build(), "sampler is null"),
                row("regularizer.EquivarianceError.Builder#bounds(double, double)", "low 1 above high 0", () -> builder().bounds(1, 0).build(),
                        "bounds", "1.0", "0.0"),
                row("regularizer.EquivarianceError.Builder#bounds(Tensor, Tensor)", "low [4] for shape [3]",
                        () -> builder().bounds(Tensor.zeros(4), Tensor.ones(3)).build(), "[4]", "[3]"),
                row("regularizer.EquivarianceError.Builder#random(RandomGenerator)", "null", () -> builder().random(null), "Builder.random", "null"),
                row("regularizer.EquivarianceError.Builder#keepTrainingMode(Predicate)", "null", () -> builder().keepTrainingMode(null),
                        "keepTrainingMode", "null"));
    }

    private static Stream<SweepRow> pairsAndDistances() {
        UnaryOperator<Tensor> same = x -> x;
        return Stream.of(
                row("regularizer.TransformPair#of(UnaryOperator, UnaryOperator, double, double)", "epsilon = NaN",
                        () -> TransformPair.of(same, same, Double.NaN, 1), "TransformPair.of", "epsilon", "NaN"),
                row("regularizer.TransformPair#shared(RandomTransform, double, double)", "lambda = -3",
                        () -> TransformPair.shared(Transforms.c4(), 0, -3), "shared", "lambda", "-3"),
                row("regularizer.TransformPair#shared(Function, Function, Function, double, double)", "null fIn",
                        () -> TransformPair.shared(random -> 1, angle -> same, null, 0, 1), "TransformPair.shared", "fIn is null"),
                row("regularizer.TransformPair#invariance(RandomTransform, double, double)", "null fIn",
                        () -> TransformPair.invariance(null, 0, 1), "TransformPair.invariance", "fIn is null"),
                row("regularizer.TransformPair#everyElement(FiniteGroup, FiniteGroup, double, double)", "orders 4 and 2",
                        () -> TransformPair.everyElement(Transforms.c4(), Transforms.flips(1), 0, 1), "everyElement", "4", "2"),
                row("regularizer.TransformPair#named(String)", "null", () -> pairs().get(0).named(null), "TransformPair.named", "name is null"),
                row("regularizer.TransformPair#draw(RandomGenerator)", "null", () -> pairs().get(0).draw(null), "draw", "random", "null"),
                row("regularizer.TransformPair.Sides#new(UnaryOperator, UnaryOperator)", "null fOut",
                        () -> new TransformPair.Sides(null, same), "Sides", "fOut", "null"),
                row("regularizer.Distance#lp(double)", "p = NaN", () -> Distance.lp(Double.NaN), "Distance.lp", "NaN"),
                row("regularizer.Distance#parse(String)", "'manhattan'", () -> Distance.parse("manhattan"), "Distance.parse", "manhattan"),
                row("regularizer.Distance#parse(String)", "'1e400'", () -> Distance.parse("1e400"), "Distance.parse", "1e400", "too large"),
                row("regularizer.Distance#parse(String)", "Java's '2f'", () -> Distance.parse("2f"), "Distance.parse", "'2f'", "decimal"),
                row("regularizer.Distance#parse(String)", "hex '0x1p1'", () -> Distance.parse("0x1p1"), "Distance.parse", "0x1p1"),
                row("regularizer.Distance#between(Tensor, Tensor)", "shapes [2, 3] and [2, 4]",
                        () -> Distance.L2.between(Tensor.zeros(2, 3), Tensor.zeros(2, 4)), "Distance.lp", "[2, 3]", "[2, 4]"));
    }

    private static Stream<SweepRow> samplers() {
        SplittableRandom random = new SplittableRandom(1);
        return Stream.of(
                row("regularizer.samplers.Samplers#box(double, double)", "low NaN", () -> Samplers.box(Double.NaN, 1), "box", "NaN"),
                row("regularizer.samplers.Samplers#box(double, double)", "width past a double", () -> Samplers.box(-Double.MAX_VALUE,
                        Double.MAX_VALUE), "box", "width", "1.79"),
                row("regularizer.samplers.Samplers#box(Tensor, Tensor)", "an infinite high", () -> Samplers.box(Tensor.zeros(2),
                        Tensor.full(Double.POSITIVE_INFINITY, 2)).check(new int[] {2}), "box", "element 0", "Infinity", "width"),
                row("regularizer.samplers.Samplers#box(Tensor, Tensor)", "shapes [2] and [3]", () -> Samplers.box(Tensor.zeros(2), Tensor.ones(3)),
                        "box", "[2]", "[3]"),
                row("regularizer.samplers.Samplers#boxFromBounds(Tensor)", "bounds [3]", () -> Samplers.boxFromBounds(Tensor.zeros(3)), "boxFromBounds", "[3]"),
                row("regularizer.samplers.Samplers#halton(Tensor, Tensor)", "null high", () -> Samplers.halton(Tensor.zeros(2), null), "halton", "high", "null"),
                row("regularizer.samplers.Samplers#antitheticBox(double, double)", "low 2 above high 1", () -> Samplers.antitheticBox(2, 1),
                        "antitheticBox", "2.0", "1.0"),
                row("regularizer.samplers.Samplers#gaussian(double, double)", "std = -1", () -> Samplers.gaussian(0, -1), "gaussian", "std", "-1"),
                row("regularizer.samplers.Samplers#antitheticGaussian(double, double)", "mean = NaN", () -> Samplers.antitheticGaussian(Double.NaN, 1),
                        "antitheticGaussian", "mean", "NaN"),
                row("regularizer.samplers.Samplers#antithetic(Sampler, UnaryOperator)", "null reflection",
                        () -> Samplers.antithetic(Samplers.box(0, 1), null), "antithetic", "reflection", "null"),
                row("regularizer.samplers.Samplers#fromData(Tensor)", "null data", () -> Samplers.fromData(null), "fromData", "data", "null"),
                row("regularizer.samplers.Samplers#fromBatches(Supplier)", "null supplier", () -> Samplers.fromBatches(null), "fromBatches", "batches", "null"),
                row("regularizer.samplers.Samplers#mixture(double[], Sampler...)", "2 weights for 1 sampler",
                        () -> Samplers.mixture(new double[] {1, 1}, Samplers.box(0, 1)), "mixture", "2", "1"),
                row("regularizer.samplers.Sampler#sample(int, int[], RandomGenerator)", "n = -1",
                        () -> Samplers.box(0, 1).sample(-1, VECTOR, random), "sample", "n", "-1"),
                row("regularizer.samplers.Sampler#check(int[])", "shape [3] for data of shape [5, 2]",
                        () -> Samplers.fromData(Tensor.zeros(5, 2)).check(VECTOR), "[3]", "[2]"));
    }

    private static Stream<SweepRow> transforms() {
        SplittableRandom random = new SplittableRandom(1);
        Transform transform = Transforms.flip(1);
        FiniteGroup group = Transforms.c4();
        return Stream.of(
                row("regularizer.transforms.Transforms#compose(Transform...)", "null step", () -> Transforms.compose(transform, null), "compose", "null"),
                row("regularizer.transforms.Transforms#roll(int, int)", "axis 0 (the batch)", () -> Transforms.roll(1, 0).apply(Tensor.zeros(2, 3)), "roll", "axis 0", "[2, 3]"),
                row("regularizer.transforms.Transforms#roll(int[], int[])", "2 shifts for 1 axis",
                        () -> Transforms.roll(new int[] {1, 2}, new int[] {1}), "roll", "[1, 2]", "[1]"),
                row("regularizer.transforms.Transforms#translate(int, int)", "axis 0 (the batch)", () -> Transforms.translate(1, 0).apply(Tensor.zeros(2, 3)), "translate", "axis 0", "[2, 3]"),
                row("regularizer.transforms.Transforms#translate(int[], int[])", "null shifts", () -> Transforms.translate(null, new int[] {1}),
                        "translate", "shifts", "null"),
                row("regularizer.transforms.Transforms#flip(int...)", "axis 0 (the batch)", () -> Transforms.flip(0).apply(Tensor.zeros(2, 3)), "flip", "axis 0", "[2, 3]"),
                row("regularizer.transforms.Transforms#rot90(int)", "applied to a vector batch", () -> Transforms.rot90(1).apply(Tensor.zeros(2, 3)),
                        "rot90", "[2, 3]"),
                row("regularizer.transforms.Transforms#d4(int, boolean)", "applied to a vector batch", () -> Transforms.d4(1, true).apply(Tensor.zeros(2, 3)),
                        "[2, 3]"),
                row("regularizer.transforms.Transforms#rotate(double, Padding)", "NaN angle", () -> Transforms.rotate(Double.NaN, Padding.ZEROS), "rotate", "NaN"),
                row("regularizer.transforms.Transforms#randomRotation(double, double, Padding)", "min 1 above max 0",
                        () -> Transforms.randomRotation(1, 0, Padding.ZEROS), "randomRotation", "1.0", "0.0"),
                row("regularizer.transforms.Transforms#scale(double, Padding)", "factor 0", () -> Transforms.scale(0, Padding.ZEROS), "scale(0.00000)", "singular"),
                row("regularizer.transforms.Transforms#randomRotation(double, double, Padding)", "max +inf",
                        () -> Transforms.randomRotation(0, Double.POSITIVE_INFINITY, Padding.ZEROS), "randomRotation", "Infinity"),
                row("regularizer.transforms.Transforms#scale(double, Padding)", "factor +inf",
                        () -> Transforms.scale(Double.POSITIVE_INFINITY, Padding.ZEROS), "Transforms.scale", "factor", "Infinity"),
                row("regularizer.transforms.Transforms#affine(double[][], double[], Padding)", "translation {NaN, 0}",
                        () -> Transforms.affine(new double[][] {{1, 0}, {0, 1}}, new double[] {Double.NaN, 0}, Padding.ZEROS),
                        "affine", "translation", "NaN"),
                row("regularizer.transforms.Transforms#affine(double[][], double[], Padding)", "matrix entry -inf",
                        () -> Transforms.affine(new double[][] {{1, 0}, {Double.NEGATIVE_INFINITY, 1}}, new double[2], Padding.ZEROS),
                        "affine", "finite", "-Infinity"),
                row("regularizer.transforms.Transforms#affine(double[][], double[], Padding)", "3 x 3 matrix",
                        () -> Transforms.affine(new double[3][3], new double[2], Padding.ZEROS), "affine([[0.0, 0.0, 0.0]", "2 x 2"),
                row("regularizer.transforms.Transforms#permuteAxes(int...)", "order [1, 1]", () -> Transforms.permuteAxes(1, 1), "permuteAxes", "[1, 1]"),
                row("regularizer.transforms.Transforms#permuteAlong(int, int...)", "permutation [0, 2]", () -> Transforms.permuteAlong(1, 0, 2),
                        "permuteAlong", "[0, 2]"),
                row("regularizer.transforms.Transforms#permuteChannels(int...)", "null permutation", () -> Transforms.permuteChannels((int[]) null),
                        "permuteChannels", "null"),
                row("regularizer.transforms.Transforms#linear(double[][])", "ragged matrix", () -> Transforms.linear(new double[][] {{1, 0}, {1}}),
                        "linear", "2", "1"),
                row("regularizer.transforms.Transforms#rotation2d(double)", "NaN angle", () -> Transforms.rotation2d(Double.NaN), "rotation2d", "NaN"),
                row("regularizer.transforms.Transforms#rotation3d(double[], double)", "zero axis",
                        () -> Transforms.rotation3d(new double[3], 1), "rotation3d", "[0.0, 0.0, 0.0]"),
                row("regularizer.transforms.Transforms#signFlips(double...)", "sign 2", () -> Transforms.signFlips(1, 2), "signFlips", "2.0"),
                row("regularizer.transforms.Transforms#downsample(int)", "factor 0", () -> Transforms.downsample(0), "downsample", "0"),
                row("regularizer.transforms.Transforms#blur(double...)", "even kernel length 2", () -> Transforms.blur(0.5, 0.5), "blur", "2"),
                row("regularizer.transforms.Transforms#gaussianBlur(double, int)", "sigma = -1", () -> Transforms.gaussianBlur(-1, 2), "gaussianBlur", "-1"),
                row("regularizer.transforms.Transforms#cyclicShifts(int, int)", "length 0", () -> Transforms.cyclicShifts(1, 0), "cyclicShifts", "0"),
                row("regularizer.transforms.Transforms#flips(int...)", "null axes", () -> Transforms.flips((int[]) null), "Transforms.flips", "axes is null"),
                row("regularizer.transforms.Transforms#permutationsAlong(int, int)", "n = 0", () -> Transforms.permutationsAlong(1, 0),
                        "permutationsAlong", "0"),
                row("regularizer.transforms.Transforms#signFlipGroup(int)", "dimension 0", () -> Transforms.signFlipGroup(0), "signFlipGroup", "0"),
                row("regularizer.transforms.Transforms#rotations2d(int)", "order 0", () -> Transforms.rotations2d(0), "rotations2d", "0"),
                row("regularizer.transforms.Transform#apply(Tensor)", "null batch", () -> transform.apply(null), "flip", "null"),
                row("regularizer.transforms.Transform#then(Transform)", "null", () -> transform.then(null), "then", "null"),
                row("regularizer.transforms.RandomTransform#draw(RandomGenerator)", "null generator",
                        () -> Transforms.randomRotation(0, 1, Padding.ZEROS).draw(null), "randomRotation", "random", "null"),
                row("regularizer.transforms.RandomAffine#new(double, double, double, double, double, double, Padding)", "minScale 0",
                        () -> new RandomAffine(0, 0, 0, 0, 0, 1, Padding.ZEROS), "RandomAffine", "minScale", "0.0"),
                row("regularizer.transforms.RandomAffine#new(double, double, double, double, double, double, Padding)", "angle range 1 to 0",
                        () -> new RandomAffine(1, 0, 0, 0, 1, 1, Padding.ZEROS), "RandomAffine", "angle", "1.0", "0.0"),
                row("regularizer.transforms.RandomAffine#new(double, double, double, double, double, double, Padding)", "shift -1",
                        () -> new RandomAffine(0, 0, -1, 0, 1, 1, Padding.ZEROS), "RandomAffine", "maxShiftX = -1.0"),
                row("regularizer.transforms.RandomAffine#new(double, double, double, double, double, double, Padding)", "shift MAX_VALUE",
                        () -> new RandomAffine(0, 0, Double.MAX_VALUE, 0, 1, 1, Padding.ZEROS), "RandomAffine", "maxShiftX = 1.79"),
                row("regularizer.transforms.RandomAffine#new(double, double, double, double, double, double, Padding)", "angle range of width +inf",
                        () -> new RandomAffine(-Double.MAX_VALUE, Double.MAX_VALUE, 0, 0, 1, 1, Padding.ZEROS), "RandomAffine", "angle", "width"),
                row("regularizer.transforms.RandomAffine#rotation(double)", "NaN", () -> RandomAffine.rotation(Double.NaN), "RandomAffine", "NaN"),
                row("regularizer.transforms.RandomAffine#draw(RandomGenerator)", "null generator", () -> RandomAffine.rotation(1).draw(null),
                        "RandomAffine.draw", "random", "null"),
                row("regularizer.transforms.RandomAffine#applyPerSample(Tensor, RandomGenerator)", "a vector batch [2, 3]",
                        () -> RandomAffine.rotation(1).applyPerSample(Tensor.zeros(2, 3), new SplittableRandom(1)),
                        "RandomAffine.applyPerSample", "[2, 3]"),
                row("regularizer.transforms.RandomAffine#applyPerSample(Tensor, RandomGenerator)", "null generator",
                        () -> RandomAffine.rotation(1).applyPerSample(Tensor.zeros(2, 1, 3, 3), null), "RandomAffine.applyPerSample", "random", "null"),
                row("regularizer.transforms.FiniteGroup#of(String, List)", "empty element list", () -> FiniteGroup.of("g", List.of()), "FiniteGroup.of", "at least the identity"),
                row("regularizer.transforms.FiniteGroup#draw(RandomGenerator)", "null generator", () -> group.draw(null), "draw", "random", "null"),
                row("regularizer.transforms.FiniteGroup#orbit(Tensor)", "null batch", () -> group.orbit(null), "orbit", "null"));
    }

    private static Stream<SweepRow> lie() {
        LieGenerator rotation = LieGenerator.rotation(Padding.ZEROS);
        LieDerivative derivative = LieDerivative.invariance(new Linear(3, 3), LieGenerator.brightness());
        return Stream.of(
                row("regularizer.TransformPair#lieInvariance(LieGenerator, double, double)", "epsilon -1",
                        () -> TransformPair.lieInvariance(rotation, -1, 1), "lieInvariance", "epsilon", "-1"),
                row("regularizer.TransformPair#lieEquivariance(LieGenerator, double, double)", "null generator",
                        () -> TransformPair.lieEquivariance(null, 0, 1), "lieEquivariance", "generator is null"),
                row("regularizer.lie.LieGenerator#rotation(Padding)", "null padding", () -> LieGenerator.rotation(null),
                        "LieGenerator.rotation", "padding is null"),
                row("regularizer.lie.LieGenerator#scale(Padding)", "null padding", () -> LieGenerator.scale(null),
                        "LieGenerator.scale", "padding is null"),
                row("regularizer.lie.LieGenerator#shear(Padding)", "null padding", () -> LieGenerator.shear(null),
                        "LieGenerator.shear", "padding is null"),
                row("regularizer.lie.LieGenerator#stretch(Padding)", "null padding", () -> LieGenerator.stretch(null),
                        "LieGenerator.stretch", "padding is null"),
                row("regularizer.lie.LieGenerator#translation(double, double, Padding)", "NaN dx",
                        () -> LieGenerator.translation(Double.NaN, 0, Padding.ZEROS), "LieGenerator.translation", "dx", "NaN"),
                row("regularizer.lie.LieGenerator#affine(double[][], double[], Padding)", "3 x 2 matrix",
                        () -> LieGenerator.affine(new double[][] {{1, 0}, {0, 1}, {0, 0}}, new double[] {0, 0}, Padding.ZEROS),
                        "LieGenerator.affine", "2 x 2", "[[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]"),
                row("regularizer.lie.LieGenerator#tangent(Tensor)", "a vector batch [2, 3]", () -> rotation.tangent(Tensor.zeros(2, 3)),
                        "LieGenerator.rotation.tangent", "[2, 3]"),
                row("regularizer.lie.LieDerivative#invariance(Module, LieGenerator)", "null model",
                        () -> LieDerivative.invariance(null, rotation), "LieDerivative.invariance", "model is null"),
                row("regularizer.lie.LieDerivative#equivariance(Module, LieGenerator)", "null generator",
                        () -> LieDerivative.equivariance(new Linear(3, 3), null), "LieDerivative.equivariance", "generator is null"),
                row("regularizer.lie.LieDerivative#apply(Tensor)", "null x", () -> derivative.apply(null), "LieDerivative.apply", "x is null"),
                row("regularizer.lie.LieDerivative#measure(Tensor)", "empty batch [0, 3]", () -> derivative.measure(Tensor.zeros(0, 3)),
                        "LieDerivative.measure", "[0, 3]"),
                row("regularizer.lie.LayerwiseAttribution#of(Sequential, LieGenerator, Tensor, int, RandomGenerator)", "0 probes",
                        () -> LayerwiseAttribution.of(new Sequential(), rotation, Tensor.zeros(1, 1, 2, 2), 0, new SplittableRandom(1)),
                        "LayerwiseAttribution.of", "probes", "0"),
                row("regularizer.lie.LayerwiseAttribution#of(Sequential, LieGenerator, Tensor, int, RandomGenerator)", "a vector batch",
                        () -> LayerwiseAttribution.of(new Sequential(), rotation, Tensor.zeros(2, 3), 4, new SplittableRandom(1)),
                        "LayerwiseAttribution.of", "[2, 3]"));
    }
}
