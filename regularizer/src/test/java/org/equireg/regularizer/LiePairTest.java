package org.equireg.regularizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.equireg.core.GradCheck;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;
import org.equireg.regularizer.lie.LieDerivative;
import org.equireg.regularizer.lie.LieGenerator;
import org.equireg.regularizer.support.Conv;
import org.equireg.regularizer.support.ConvNet;
import org.equireg.regularizer.support.Tolerances;
import org.equireg.regularizer.transforms.Padding;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.api.Test;

/** The infinitesimal pair: its penalty, its mixing with finite pairs, its report row and its gradient. */
class LiePairTest {
    private static final int[] SHAPE = {1, 5, 5};

    private static ConvNet model(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new ConvNet(Conv.random(1, 2, 3, random), Conv.random(2, 1, 3, random));
    }

    @Test
    void penaltyIsTheHingedMeanSquaredNorm() {
        ConvNet model = model(1);
        LieGenerator rotation = LieGenerator.rotation(Padding.ZEROS);
        Tensor x = Tensor.rand(new Random(2), 4, 1, 5, 5);
        Tensor lie = LieDerivative.equivariance(model, rotation).apply(x).detach();
        double meanSquaredNorm = lie.mul(lie).sum().item() / 4;
        double epsilon = meanSquaredNorm / 3;
        EquivarianceError regularizer = EquivarianceError.builder(model, SHAPE,
                List.of(TransformPair.lieEquivariance(rotation, epsilon, 2.5))).build();
        assertEquals(2.5 * (meanSquaredNorm - epsilon), regularizer.compute(x).item(), Tolerances.ROUNDING * meanSquaredNorm);
        EquivarianceError off = EquivarianceError.builder(model, SHAPE,
                List.of(TransformPair.lieEquivariance(rotation, 2 * meanSquaredNorm, 2.5))).build();
        assertEquals(0, off.compute(x).item());
    }

    @Test
    void mixesWithFinitePairs() {
        ConvNet model = model(3);
        Tensor x = Tensor.rand(new Random(4), 3, 1, 5, 5);
        TransformPair lie = TransformPair.lieEquivariance(LieGenerator.rotation(Padding.BORDER), 0, 1);
        TransformPair quarterTurn = TransformPair.of(Transforms.rot90(1), Transforms.rot90(1), 0, 0.5);
        double alone = EquivarianceError.builder(model, SHAPE, List.of(lie)).build().compute(x).item();
        double finite = EquivarianceError.builder(model, SHAPE, List.of(quarterTurn)).build().compute(x).item();
        double both = EquivarianceError.builder(model, SHAPE, List.of(lie, quarterTurn)).withReplacement(false)
                .functionsPerCall(2).build().compute(x).item();
        assertEquals(alone + finite, both, Tolerances.ROUNDING * 10 * (alone + finite));
        EquivarianceReport report = EquivarianceError.builder(model, SHAPE, List.of(quarterTurn, lie)).build().report(x);
        assertEquals(2, report.pairs().size());
        assertEquals(alone, report.pairs().get(1).meanError(), Tolerances.ROUNDING * 10 * alone);
        assertTrue(report.toString().contains("Lie equivariance along rotation"), report.toString());
    }

    @Test
    void anInfinitesimalPairHasNoSidesToDraw() {
        TransformPair lie = TransformPair.lieInvariance(LieGenerator.brightness(), 0, 1);
        assertTrue(lie.isLie());
        RandomGenerator random = new SplittableRandom(0);
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> lie.draw(random));
        assertTrue(error.getMessage().contains("lieInvariance"), error.getMessage());
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        List<TransformPair> pairs = List.of(TransformPair.lieEquivariance(LieGenerator.rotation(Padding.ZEROS), 0, 1),
                TransformPair.shared(Transforms.randomRotation(-0.5, 0.5, Padding.ZEROS), 0, 0.5));
        GradCheck.standard().check(parameters -> {
            List<Tensor> given = new ArrayList<>(List.of(parameters));
            Module m = new ConvNet(new Conv(given.get(0), given.get(1)), new Conv(given.get(2), given.get(3)));
            return EquivarianceError.builder(m, SHAPE, pairs).sampleSize(3).functionsPerCall(3).seed(5).build().compute();
        }, model(6).parameters().toArray(new Tensor[0]));
    }
}
