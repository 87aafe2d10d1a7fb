package org.equireg.regularizer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.equireg.nn.Module;
import org.equireg.regularizer.support.C4Averaged;
import org.equireg.regularizer.support.CircularConvNet;
import org.equireg.regularizer.support.Conv;
import org.equireg.regularizer.support.ConvNet;
import org.equireg.regularizer.support.Mlp;
import org.equireg.regularizer.support.Tolerances;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.api.Test;

/**
 * Models equivariant by construction have error at most {@link Tolerances#EXACT} under their
 * group, for every pair and every distance; generic models have a clearly positive error.
 */
class ExactnessTest {
    private static final List<Distance> DISTANCES = List.of(Distance.L1, Distance.L2, Distance.LINF, Distance.lp(3),
            Distance.CROSS_ENTROPY_LOGITS);

    /** The largest error over the whole report of every pair, for each distance. */
    private static double largestError(Module model, int[] inputShape, List<TransformPair> pairs) {
        double largest = 0;
        for (Distance distance : DISTANCES) {
            EquivarianceReport report = EquivarianceError.builder(model, inputShape, pairs).distance(distance)
                    .sampleSize(16).seed(1).build().report(2);
            for (PairReport row : report.pairs()) {
                largest = Math.max(largest, row.meanError());
            }
        }
        return largest;
    }

    @Test
    void circularConvolutionsAreExactlyEquivariantUnderRoll() {
        List<TransformPair> shifts = TransformPair.everyElement(Transforms.cyclicShifts(1, 8), Transforms.cyclicShifts(1, 8),
                0, 1);
        double equivariant = largestError(new CircularConvNet(3, new SplittableRandom(2)), new int[] {8}, shifts);
        double generic = largestError(Mlp.random(8, 12, 8, new SplittableRandom(3)), new int[] {8}, shifts);
        System.out.printf(java.util.Locale.ROOT, "exactness under roll: circular convolution %.3e, generic MLP %.3e%n", equivariant, generic);
        assertTrue(equivariant <= Tolerances.EXACT, "circular convolution: " + equivariant);
        assertTrue(generic > Tolerances.CLEARLY_POSITIVE, "generic MLP: " + generic);
    }

    @Test
    void theC4AverageOfAnyModelIsExactlyEquivariantUnderQuarterTurns() {
        SplittableRandom random = new SplittableRandom(4);
        ConvNet base = new ConvNet(Conv.random(1, 3, 3, random), Conv.random(3, 1, 3, random));
        List<TransformPair> turns = TransformPair.everyElement(Transforms.c4(), Transforms.c4(), 0, 1);
        double equivariant = largestError(new C4Averaged(base), new int[] {1, 6, 6}, turns);
        double generic = largestError(base, new int[] {1, 6, 6}, turns);
        System.out.printf(java.util.Locale.ROOT, "exactness under rot90: C4 average %.3e, plain conv net %.3e%n", equivariant, generic);
        assertTrue(equivariant <= Tolerances.EXACT, "C4 average: " + equivariant);
        assertTrue(generic > Tolerances.CLEARLY_POSITIVE, "plain conv net: " + generic);
    }

    @Test
    void thePenaltyOfAnExactlyEquivariantModelHasAZeroGradient() {
        Module model = new CircularConvNet(3, new SplittableRandom(5));
        EquivarianceError regularizer = EquivarianceError.builder(model, new int[] {8},
                List.of(TransformPair.shared(Transforms.cyclicShifts(1, 8), 0, 1))).sampleSize(8).build();
        regularizer.compute().backward();
        for (org.equireg.core.Tensor parameter : model.parameters()) {
            for (double value : parameter.grad().buffer()) {
                assertTrue(value == 0, "gradient " + value);
            }
        }
    }
}
