package org.equireg.regularizer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.function.Executable;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.nn.Conv2d;
import org.equireg.nn.Flatten;
import org.equireg.nn.Linear;
import org.equireg.nn.Module;
import org.equireg.nn.Sequential;
import org.equireg.regularizer.support.Mlp;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.api.Test;

/** Every bad input gets an exception whose message names the argument and its value or shapes. */
class BadInputTest {
    private static final int[] VECTOR = {4};
    private final Mlp model = Mlp.random(4, 5, 3, new SplittableRandom(1));
    private final List<TransformPair> pairs = List.of(TransformPair.of(Transforms.identity(), Transforms.flip(1), 0, 1));

    private static void assertRejected(Class<? extends RuntimeException> type, Executable action, String... fragments) {
        RuntimeException error = assertThrows(type, action);
        for (String fragment : fragments) {
            assertTrue(error.getMessage().contains(fragment), "'" + fragment + "' missing from: " + error.getMessage());
        }
    }

    @Test
    void sampleSizeAndPairsPerCallMustBePositive() {
        assertRejected(IllegalArgumentException.class,
                () -> new EquivarianceError(model, VECTOR, pairs, Distance.L2, 0, 1), "n (points per call)", "got 0");
        assertRejected(IllegalArgumentException.class,
                () -> new EquivarianceError(model, VECTOR, pairs, Distance.L2, 4, -2), "numFuncs", "got -2");
        assertRejected(IllegalArgumentException.class, () -> EquivarianceError.builder(model, VECTOR, pairs)
                .functionsPerCall(2).withReplacement(false).build(), "without replacement", "only 1");
    }

    @Test
    void epsilonAndLambdaMustBeNonNegative() {
        assertRejected(IllegalArgumentException.class,
                () -> TransformPair.of(Transforms.identity(), Transforms.identity(), -0.1, 1), "epsilon", "-0.1");
        assertRejected(IllegalArgumentException.class,
                () -> TransformPair.shared(Transforms.c4(), 0, -3), "lambda", "-3");
        assertRejected(IllegalArgumentException.class,
                () -> TransformPair.of(Transforms.identity(), Transforms.identity(), Double.NaN, 1), "epsilon", "NaN");
    }

    @Test
    void pBelowOneIsRejected() {
        assertRejected(IllegalArgumentException.class, () -> Distance.lp(0.5), "p must be >= 1", "0.5");
    }

    @Test
    void theTransformListMustNotBeEmpty() {
        assertRejected(IllegalArgumentException.class,
                () -> new EquivarianceError(model, VECTOR, List.of(), Distance.L2, 4, 1), "transform list is empty");
    }

    @Test
    void boundsMustBroadcastToTheInputShape() {
        assertRejected(IllegalArgumentException.class, () -> EquivarianceError.builder(model, VECTOR, pairs)
                .bounds(Tensor.zeros(3), Tensor.ones(3)).build(), "[3]", "[4]", "do not broadcast");
    }

    @Test
    void pairsWhoseSidesDifferInShapeAreNamedWithBothShapes() {
        List<TransformPair> mismatched = List.of(pairs.get(0),
                TransformPair.of(y -> y.slice(1, 0, 2), Transforms.identity(), 0, 1).named("drops a class"));
        EquivarianceError regularizer = EquivarianceError.builder(model, VECTOR, mismatched).sampleSize(5)
                .functionsPerCall(2).withReplacement(false).build();
        assertRejected(IllegalArgumentException.class, regularizer::compute, "pair #1 (drops a class)", "[5, 2]", "[5, 3]");
    }

    @Test
    void aNaNErrorNamesItsPair() {
        // "probabilities" that are negative: the log in CROSS_ENTROPY gives NaN
        List<TransformPair> negating = List.of(TransformPair.of(y -> y.abs().add(1).neg(), Transforms.identity(), 0, 1)
                .named("negates probabilities"));
        EquivarianceError regularizer = EquivarianceError.builder(model, VECTOR, negating).sampleSize(3)
                .distance(Distance.CROSS_ENTROPY).build();
        assertRejected(IllegalStateException.class, regularizer::compute, "pair #0 (negates probabilities)", "NaN");
    }

    /** The error is a number (infinity) but lambda 0 times it is NaN: the penalty is checked too. */
    @Test
    void aNaNPenaltyFromAnInfiniteErrorNamesItsPair() {
        List<TransformPair> overflowing = List.of(TransformPair.of(y -> y.add(1).mul(1e300).mul(1e300), Transforms.identity(), 0, 0)
                .named("overflows"));
        EquivarianceError regularizer = EquivarianceError.builder(model, VECTOR, overflowing).sampleSize(3).build();
        assertRejected(IllegalStateException.class, regularizer::compute, "pair #0 (overflows)", "NaN penalty", "lambda 0.0",
                "Infinity");
    }

    @Test
    void givenInputsMustBeABatchOfTheInputShape() {
        EquivarianceError regularizer = new EquivarianceError(model, VECTOR, pairs, Distance.L2, 4, 1);
        assertRejected(IllegalArgumentException.class, () -> regularizer.compute(Tensor.zeros(3, 5)), "[3, 5]", "[4]");
        assertRejected(IllegalArgumentException.class, () -> regularizer.compute(Tensor.zeros(4)), "[4]");
        assertRejected(IllegalArgumentException.class, () -> regularizer.report(0), "batches", "got 0");
    }

    @Test
    void aDistanceMustReturnOneValuePerSampleOrAScalar() {
        EquivarianceError regularizer = EquivarianceError.builder(model, VECTOR, pairs).sampleSize(4)
                .distance((a, b) -> a.sub(b).abs()).build();
        assertRejected(IllegalArgumentException.class, regularizer::compute, "[4, 3]", "one value per sample");
    }

    @Test
    void transformsThatDropTheBatchAxisAreNamed() {
        EquivarianceError regularizer = EquivarianceError.builder(model, VECTOR,
                List.of(TransformPair.of(Transforms.identity(), x -> x.slice(0, 0, 1), 0, 1))).sampleSize(4).build();
        assertRejected(IllegalArgumentException.class, regularizer::compute, "pair #0", "keep the batch axis");
        assertRejected(IllegalArgumentException.class, () -> Transforms.roll(1, 0).apply(Tensor.zeros(2, 3)), "batch axis");
    }

    @Test
    void inputShapesNeedPositiveDimensions() {
        assertRejected(IllegalArgumentException.class,
                () -> new EquivarianceError(model, new int[] {4, 0}, pairs, Distance.L2, 4, 1), "[4, 0]");
    }

    /** A model half converted to float32 fails on any input: the message says so, not that inputShape is wrong. */
    @Test
    void aModelOfMixedTypesIsNamedAsSuch() {
        Linear second = new Linear(3, 2, true, new SplittableRandom(5));
        Module mixed = new Sequential(new Linear(4, 3, true, new SplittableRandom(4)), second);
        second.to(DType.FLOAT32);
        EquivarianceError regularizer = EquivarianceError.builder(mixed, VECTOR, pairs).sampleSize(2).build();
        RuntimeException error = assertThrows(IllegalArgumentException.class, regularizer::compute);
        assertTrue(error.getMessage().contains("mix [float64, float32]") && error.getMessage().contains("model.to(DType)"),
                error.getMessage());
        assertFalse(error.getMessage().contains("does inputShape fit"), error.getMessage());
    }

    @Test
    void anInputShapeThatDoesNotFitTheModelIsNamedAsSuch() {
        Module convolutional = new Sequential(new Conv2d(1, 2, 3, 1, 1, 1, 1, true, new SplittableRandom(3)), new Flatten(),
                new Linear(2 * 8 * 8, 3, true, new SplittableRandom(4)));
        EquivarianceError regularizer = EquivarianceError.builder(convolutional, new int[] {64}, pairs).sampleSize(2).build();
        assertRejected(IllegalArgumentException.class, regularizer::compute, "EquivarianceError", "regularizer's points",
                "inputShape [64]", "[4, 64]", "Sequential: layer (0) Conv2d", "conv2d: needs input (N, C, H, W)");
    }
}
