package org.equireg.regularizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;
import org.equireg.regularizer.samplers.Samplers;
import org.equireg.regularizer.support.Dense;
import org.equireg.regularizer.support.Tolerances;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.api.Test;

/** Diagnostics: estimates against an exact value, standard errors, the hinge rate and the table. */
class ReportTest {
    private static final double WEIGHT = 1.5;
    /** model(v) = 1.5 v on [0, 1]; f_in(v) = 1 - v; L1: error = E |1.5 (2v - 1)| = 0.75 exactly. */
    private static final double EXACT_ERROR = WEIGHT / 2;
    private final Module model = new Dense(Tensor.of(new double[] {WEIGHT}, 1, 1), Tensor.zeros(1));
    private final List<TransformPair> pairs = List.of(
            TransformPair.of(Transforms.identity(), v -> v.neg().add(1), EXACT_ERROR, 2).named("reflection"),
            TransformPair.of(Transforms.identity(), Transforms.identity(), 0, 1).named("identity"));

    private EquivarianceError regularizer(org.equireg.regularizer.samplers.Sampler sampler) {
        return regularizer(sampler, pairs);
    }

    private EquivarianceError regularizer(org.equireg.regularizer.samplers.Sampler sampler, List<TransformPair> list) {
        return EquivarianceError.builder(model, new int[] {1}, list).distance(Distance.L1).sampleSize(50)
                .sampler(sampler).seed(12).build();
    }

    @Test
    void theIntervalCoversTheExactErrorAndTheHingeIsActiveAboutHalfTheTime() {
        EquivarianceReport report = regularizer(Samplers.box()).report(40);
        PairReport reflection = report.pairs().get(0);
        assertEquals(2000, reflection.samples());
        assertTrue(Math.abs(reflection.meanError() - EXACT_ERROR) <= Tolerances.STANDARD_ERRORS * reflection.standardError(),
                report.toString());
        // per-point standard deviation of |1.5 (2v - 1)| is 1.5 / sqrt(12) = 0.433; over 2000 points 0.0097
        assertEquals(0.433 / Math.sqrt(2000), reflection.standardError(), 0.1 * 0.433 / Math.sqrt(2000));
        assertEquals(reflection.meanError() - 1.959963984540054 * reflection.standardError(), reflection.lower95(),
                Tolerances.ROUNDING);
        // epsilon = the exact error: each batch's hinge is active with probability about 1/2
        assertTrue(reflection.hingeActiveRate() > 0.2 && reflection.hingeActiveRate() < 0.8, report.toString());
        assertEquals(2 * Math.max(0, reflection.meanError() - EXACT_ERROR), reflection.penalty(), Tolerances.ROUNDING);
        PairReport identity = report.pairs().get(1);
        assertEquals(0.0, identity.meanError());
        assertEquals(0.0, identity.hingeActiveRate());
    }

    @Test
    void aSwitchedOffPairReportsNoPenaltyEvenWhereItsErrorIsInfinite() {
        List<TransformPair> off = List.of(TransformPair.of(Transforms.identity(), v -> v.mul(Double.POSITIVE_INFINITY), 0, 0));
        PairReport row = regularizer(Samplers.box(), off).report(Tensor.of(new double[] {0.5}, 1, 1)).pairs().get(0);
        assertEquals(Double.POSITIVE_INFINITY, row.meanError());
        assertEquals(0.0, row.penalty(), row.toString());
    }

    @Test
    void relativeErrorDividesByTheMeanOutputNorm() {
        Tensor points = Tensor.of(new double[] {0.1, 0.5, 0.8}, 3, 1);
        PairReport reflection = regularizer(Samplers.box()).report(points).pairs().get(0);
        double[] v = {0.1, 0.5, 0.8};
        double error = 0;
        double norms = 0;
        for (double x : v) {
            error += WEIGHT * Math.abs(2 * x - 1) / 3;
            norms += (WEIGHT * x + WEIGHT * (1 - x)) / 2 / 3;
        }
        assertEquals(error, reflection.meanError(), Tolerances.ROUNDING);
        assertEquals(error / norms, reflection.relativeError(), Tolerances.ROUNDING);
        assertEquals(3, reflection.samples());
    }

    @Test
    void dependentPointsTakeTheirStandardErrorFromRepeatedBatches() {
        // f_in(v) = v^2: error = E |1.5 v - 1.5 v^2| = 1.5 (1/2 - 1/3) = 0.25. (Under the reflection
        // above, scrambled Halton points in base 2 happen to give 0.75 exactly, for every scramble.)
        List<TransformPair> square = List.of(TransformPair.of(Transforms.identity(), v -> v.mul(v), 0, 1));
        EquivarianceReport once = regularizer(Samplers.halton(), square).report(1);
        assertTrue(Double.isNaN(once.pairs().get(0).standardError()), "one batch of Halton points has no error estimate");
        EquivarianceReport repeated = regularizer(Samplers.halton(), square).report(30);
        PairReport row = repeated.pairs().get(0);
        assertTrue(row.standardError() > 0, repeated.toString());
        assertTrue(Math.abs(row.meanError() - 0.25) <= Tolerances.STANDARD_ERRORS * row.standardError(), repeated.toString());
    }

    @Test
    void printsAnAlignedTable() {
        String table = regularizer(Samplers.box()).report(4).toString();
        String[] lines = table.split(System.lineSeparator());
        assertEquals(4, lines.length, table);
        assertTrue(lines[0].startsWith("equivariance report: distance L1, 4 batches of 50 points"), lines[0]);
        assertTrue(lines[1].startsWith("pair") && lines[1].contains("95% interval") && lines[1].contains("penalty"));
        assertTrue(lines[2].startsWith("pair #0 (reflection)"), lines[2]);
        assertEquals(lines[1].length(), lines[2].length(), table);
        assertEquals(lines[1].length(), lines[3].length(), table);
        assertEquals(lines[1].indexOf("penalty") + "penalty".length(), lines[2].length(), "numbers right-aligned");
    }

    @Test
    void reportsDoNotRecordAGraphAndUseTheSeed() {
        EquivarianceReport first = regularizer(Samplers.box()).report(3);
        EquivarianceReport again = regularizer(Samplers.box()).report(3);
        assertEquals(first, again);
        model.parameters().forEach(parameter -> assertEquals(null, parameter.grad()));
        assertTrue(new SplittableRandom(0).nextInt(2) >= 0);
    }
}
