package org.equireg.regularizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;
import org.equireg.regularizer.samplers.Samplers;
import org.equireg.regularizer.support.C4Averaged;
import org.equireg.regularizer.support.Conv;
import org.equireg.regularizer.support.Counting;
import org.equireg.regularizer.support.FunctionModule;
import org.equireg.regularizer.support.Mlp;
import org.equireg.regularizer.support.Tolerances;
import org.equireg.regularizer.transforms.Padding;
import org.equireg.regularizer.transforms.Transform;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.api.Test;

/** The regularizer's semantics: the formula, the draws, sharing and batching, seeding, shared pairs. */
class EquivarianceErrorTest {
    private static final int[] VECTOR = {4};
    private final Mlp model = Mlp.random(4, 6, 3, new SplittableRandom(1));
    private final Tensor inputs = Tensor.rand(new SplittableRandom(2), 5, 4);
    private final Transform outputMap = Transforms.linear(new double[][] {{0, 1, 0}, {1, 0, 0}, {0.5, 0, 0.5}});
    private final Transform inputMap = Transforms.roll(1, 1);

    @Test
    void penaltyIsLambdaTimesTheHingeOfTheMeanPerSampleDistance() {
        Tensor a = outputMap.apply(model.forward(inputs));
        Tensor b = model.forward(inputMap.apply(inputs));
        double error = 0;
        for (int i = 0; i < 5; i++) {
            error += a.slice(0, i, i + 1).sub(b.slice(0, i, i + 1)).norm(2).item() / 5;
        }
        double epsilon = error / 3;
        EquivarianceError regularizer = new EquivarianceError(model, VECTOR,
                List.of(TransformPair.of(outputMap, inputMap, epsilon, 0.7)), Distance.L2, 5, 1);
        assertEquals(0.7 * (error - epsilon), regularizer.compute(inputs).item(), Tolerances.ROUNDING);
    }

    @Test
    void belowEpsilonThePenaltyAndItsGradientAreZero() {
        EquivarianceError regularizer = new EquivarianceError(model, VECTOR,
                List.of(TransformPair.of(outputMap, inputMap, 1e6, 2)), Distance.L2, 5, 1);
        Tensor penalty = regularizer.compute(inputs);
        penalty.backward();
        assertEquals(0.0, penalty.item());
        for (Tensor parameter : model.parameters()) {
            for (double value : parameter.grad().buffer()) {
                assertEquals(0.0, value);
            }
        }
    }

    @Test
    void eachCallSumsNumFuncsPairsDrawnWithReplacement() {
        int[] totals = new int[3];
        EquivarianceError regularizer = decodingRegularizer(5, true);
        for (int call = 0; call < 200; call++) {
            int[] counts = drawCounts(regularizer);
            assertEquals(5, counts[0] + counts[1] + counts[2], "pairs per call");
            for (int k = 0; k < 3; k++) {
                totals[k] += counts[k];
            }
        }
        for (int total : totals) {
            // 1000 draws, each pair with probability 1/3: standard deviation 14.9
            assertEquals(1000 / 3.0, total, Tolerances.STANDARD_ERRORS * 14.9, java.util.Arrays.toString(totals));
        }
    }

    @Test
    void withoutReplacementEachCallDrawsDistinctPairs() {
        EquivarianceError regularizer = decodingRegularizer(2, false);
        boolean[] seen = new boolean[3];
        for (int call = 0; call < 30; call++) {
            int[] counts = drawCounts(regularizer);
            assertEquals(2, counts[0] + counts[1] + counts[2]);
            for (int k = 0; k < 3; k++) {
                assertTrue(counts[k] <= 1, "pair " + k + " drawn twice");
                seen[k] |= counts[k] == 1;
            }
        }
        assertTrue(seen[0] && seen[1] && seen[2]);
    }

    /** Three pairs with one error e and lambdas 1, 1e3, 1e6: a call's penalty / e spells the counts. */
    private EquivarianceError decodingRegularizer(int numFuncs, boolean withReplacement) {
        List<TransformPair> pairs = new ArrayList<>();
        for (double lambda : new double[] {1, 1e3, 1e6}) {
            pairs.add(TransformPair.of(outputMap, inputMap, 0, lambda));
        }
        return EquivarianceError.builder(model, VECTOR, pairs).functionsPerCall(numFuncs)
                .withReplacement(withReplacement).seed(3).build();
    }

    private int[] drawCounts(EquivarianceError regularizer) {
        double error = new EquivarianceError(model, VECTOR, List.of(TransformPair.of(outputMap, inputMap, 0, 1)),
                Distance.L2, 5, 1).compute(inputs).item();
        long code = Math.round(regularizer.compute(inputs).item() / error);
        return new int[] {(int) (code % 1000), (int) (code / 1000 % 1000), (int) (code / 1_000_000)};
    }

    @Test
    void theSameSeedGivesTheSameNumbersBitForBit() {
        double[][] first = penaltiesAndGradients(17);
        double[][] again = penaltiesAndGradients(17);
        for (int i = 0; i < first.length; i++) {
            assertArrayEquals(first[i], again[i], "result " + i);
        }
        assertNotEquals(first[0][0], penaltiesAndGradients(18)[0][0]);
    }

    /** Three calls with random points, random pairs and random rotations, then all gradients. */
    private static double[][] penaltiesAndGradients(long seed) {
        Module images = new Conv(Tensor.randn(new SplittableRandom(4), 1, 1, 3, 3), Tensor.zeros(1));
        List<TransformPair> pairs = List.of(
                TransformPair.shared(Transforms.randomRotation(-0.5, 0.5, Padding.ZEROS), 0, 1),
                TransformPair.shared(Transforms.d4(), 0, 1),
                TransformPair.of(Transforms.flip(-1), Transforms.flip(-1), 0, 1));
        EquivarianceError regularizer = EquivarianceError.builder(images, new int[] {1, 5, 5}, pairs).sampleSize(6)
                .functionsPerCall(2).sampler(Samplers.halton()).seed(seed).build();
        List<double[]> results = new ArrayList<>();
        Tensor total = null;
        for (int call = 0; call < 3; call++) {
            Tensor penalty = regularizer.compute();
            results.add(new double[] {penalty.item()});
            total = total == null ? penalty : total.add(penalty);
        }
        total.backward();
        images.parameters().forEach(parameter -> results.add(parameter.grad().toArray()));
        return results.toArray(new double[0][]);
    }

    @Test
    void modelOfVIsSharedAndTheTransformedInputsGoThroughOneForwardPass() {
        Counting counting = new Counting(model);
        List<TransformPair> pairs = List.of(TransformPair.of(outputMap, inputMap, 0, 1),
                TransformPair.of(Transforms.identity(), Transforms.flip(1), 0, 1),
                TransformPair.of(Transforms.signFlips(1, -1, 1), Transforms.signFlips(-1, 1, 1, -1), 0, 1));
        EquivarianceError batched = EquivarianceError.builder(counting, VECTOR, pairs).sampleSize(5).functionsPerCall(3)
                .withReplacement(false).seed(9).build();
        double together = batched.compute().item();
        assertEquals(List.of(20), counting.batchSizes, "one pass over v and the three f_in(v)");

        counting.batchSizes.clear();
        EquivarianceError separate = EquivarianceError.builder(counting, VECTOR, pairs).sampleSize(5).functionsPerCall(3)
                .withReplacement(false).seed(9).batchForwardPasses(false).build();
        double apart = separate.compute().item();
        assertEquals(List.of(5, 5, 5, 5), counting.batchSizes, "model(v) once, then one pass per pair");
        assertEquals(together, apart, Tolerances.ROUNDING * Math.abs(together));
    }

    @Test
    void inputsOfAnotherShapeGetTheirOwnForwardPass() {
        // a global average: defined for every picture size, exactly invariant under downsampling
        Counting counting = new Counting(new FunctionModule(x -> x.mean(-1, false).mean(-1, false)));
        List<TransformPair> pairs = List.of(TransformPair.of(Transforms.identity(), Transforms.downsample(2), 0, 1),
                TransformPair.of(Transforms.identity(), Transforms.rot90(1), 0, 1));
        EquivarianceError regularizer = EquivarianceError.builder(counting, new int[] {2, 4, 4}, pairs).sampleSize(3)
                .functionsPerCall(2).withReplacement(false).build();
        assertEquals(0.0, regularizer.compute().item(), Tolerances.EXACT);
        assertEquals(List.of(3, 6), counting.batchSizes.stream().sorted().toList(), "(v, rot90 v) together, downsampled apart");
    }

    @Test
    void computeWithInputsChangesNoSetting() {
        EquivarianceError regularizer = new EquivarianceError(model, VECTOR,
                List.of(TransformPair.of(outputMap, inputMap, 0, 1)), Distance.L2, 7, 1);
        regularizer.compute(inputs);
        assertEquals(7, regularizer.n());
        assertEquals(1, regularizer.numFuncs());
    }

    @Test
    void aSharedPairAppliesOneDrawToBothSides() {
        Module equivariant = new C4Averaged(new Conv(Tensor.randn(new SplittableRandom(5), 1, 1, 3, 3), Tensor.zeros(1)));
        EquivarianceError shared = EquivarianceError.builder(equivariant, new int[] {1, 5, 5},
                List.of(TransformPair.shared(Transforms.c4(), 0, 1))).sampleSize(4).build();
        EquivarianceError independent = EquivarianceError.builder(equivariant, new int[] {1, 5, 5},
                List.of(TransformPair.shared(random -> new int[] {random.nextInt(4), random.nextInt(4)},
                        k -> Transforms.rot90(k[0]), k -> Transforms.rot90(k[1]), 0, 1))).sampleSize(4).build();
        double largestShared = 0;
        double largestIndependent = 0;
        for (int call = 0; call < 20; call++) {
            largestShared = Math.max(largestShared, shared.compute().item());
            largestIndependent = Math.max(largestIndependent, independent.compute().item());
        }
        assertTrue(largestShared <= Tolerances.EXACT, "shared draws: " + largestShared);
        assertTrue(largestIndependent > Tolerances.CLEARLY_POSITIVE, "independent draws: " + largestIndependent);
    }

    @Test
    void anInvariancePairTransformsOnlyTheInputs() {
        // the mean over the C4 orbit of a conv net's pooled output is invariant under quarter turns
        Module pooled = new FunctionModule(x -> x.mean(-1, false).mean(-1, false));
        Module invariant = new C4Averaged(new Conv(Tensor.randn(new SplittableRandom(5), 2, 1, 3, 3), Tensor.zeros(2)));
        Module model = new FunctionModule(x -> pooled.forward(invariant.forward(x)));
        EquivarianceError turns = EquivarianceError.builder(model, new int[] {1, 5, 5},
                List.of(TransformPair.invariance(Transforms.c4(), 0, 1))).sampleSize(4).build();
        EquivarianceError shifts = EquivarianceError.builder(model, new int[] {1, 5, 5},
                List.of(TransformPair.invariance(random -> Transforms.translate(1 + random.nextInt(2), -1), 0, 1)))
                .sampleSize(4).build();
        for (int call = 0; call < 8; call++) {
            assertTrue(turns.compute().item() <= Tolerances.EXACT);
            assertTrue(shifts.compute().item() > Tolerances.CLEARLY_POSITIVE);
        }
    }

    @Test
    void aFixedTransformIsAnInvarianceOfItsOwn() {
        // Transforms.flip is a Transform, not a family: it is accepted as one whose only draw is itself.
        TransformPair mirror = TransformPair.invariance(Transforms.flip(-1), 0, 1);
        Transform flip = Transforms.flip(-1);
        assertTrue(flip.draw(new SplittableRandom(1)) == flip);
        Tensor points = Tensor.rand(new SplittableRandom(6), 3, 4);
        double expected = 0;
        Tensor a = model.forward(points);
        Tensor b = model.forward(points.flip(-1));
        for (int i = 0; i < 3; i++) {
            expected += a.slice(0, i, i + 1).sub(b.slice(0, i, i + 1)).norm(2).item() / 3;
        }
        double penalty = EquivarianceError.builder(model, VECTOR, List.of(mirror)).build().compute(points).item();
        assertEquals(expected, penalty, Tolerances.ROUNDING);
        assertTrue(penalty > Tolerances.CLEARLY_POSITIVE);
    }

    @Test
    void aSharedPairCanActThroughDifferentRepresentations() {
        // pictures to their centroid, a 2-D vector: a quarter turn of the picture turns the vector
        Module centroid = new FunctionModule(EquivarianceErrorTest::centroid);
        List<Transform> vectorTurns = Transforms.rotations2d(4).elements();
        TransformPair quarterTurns = TransformPair.shared(random -> random.nextInt(4), vectorTurns::get,
                k -> Transforms.rot90(k), 0, 1);
        EquivarianceError exact = EquivarianceError.builder(centroid, new int[] {7, 7}, List.of(quarterTurns))
                .sampleSize(8).build();
        for (int call = 0; call < 8; call++) {
            assertTrue(exact.compute().item() <= Tolerances.EXACT);
        }
        // any angle, bilinear: nearly equivariant on pictures inside a disc; the wrong sign is far off
        double shared = angleError(centroid, 1);
        double opposite = angleError(centroid, -1);
        assertTrue(shared < 0.1 * opposite, "shared " + shared + ", opposite " + opposite);
    }

    private static double angleError(Module centroid, double sign) {
        TransformPair pair = TransformPair.shared(random -> 0.2 + random.nextDouble(),
                theta -> Transforms.rotation2d(sign * theta), theta -> Transforms.rotate(theta, Padding.ZEROS), 0, 1);
        EquivarianceError regularizer = EquivarianceError.builder(centroid, new int[] {7, 7}, List.of(pair))
                .sampleSize(16).seed(4).build();
        return regularizer.compute(discPictures()).item();
    }

    /** Uniform pictures (16, 7, 7), zero outside the disc of radius 2.5 so that rotations keep them whole. */
    private static Tensor discPictures() {
        Tensor pictures = Tensor.rand(new SplittableRandom(6), 16, 7, 7);
        double[] mask = new double[49];
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                mask[i * 7 + j] = Math.hypot(i - 3, j - 3) <= 2.5 ? 1 : 0;
            }
        }
        return pictures.mul(Tensor.of(mask, 7, 7));
    }

    /** Intensity-weighted centroid (x right, y up) about the centre of (batch, h, w) pictures. */
    static Tensor centroid(Tensor pictures) {
        int h = pictures.dim(1);
        int w = pictures.dim(2);
        double[] xs = new double[h * w];
        double[] ys = new double[h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                xs[i * w + j] = j - (w - 1) / 2.0;
                ys[i * w + j] = (h - 1) / 2.0 - i;
            }
        }
        Tensor flat = pictures.reshape(pictures.dim(0), h * w);
        Tensor mass = flat.sum(1, true);
        return Tensor.concat(1, flat.mul(Tensor.of(xs, h * w)).sum(1, true).div(mass),
                flat.mul(Tensor.of(ys, h * w)).sum(1, true).div(mass));
    }

    @Test
    void theReferenceConstructorUsesTheUnitBoxAndSeedZero() {
        List<TransformPair> pairs = List.of(TransformPair.of(outputMap, inputMap, 0, 1));
        double viaConstructor = new EquivarianceError(model, VECTOR, pairs, Distance.L2, 8, 1).compute().item();
        double viaBuilder = EquivarianceError.builder(model, VECTOR, pairs).sampleSize(8).sampler(Samplers.box(0, 1))
                .seed(0).build().compute().item();
        assertEquals(viaConstructor, viaBuilder, 0.0);
        assertFalse(Double.isNaN(viaConstructor));
    }
}
