package org.equireg.examples.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.equireg.nn.Init;
import org.equireg.nn.Module;
import org.equireg.regularizer.EquivarianceReport;
import org.equireg.regularizer.PairReport;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void aModelThatIgnoresItsInputIsExactlyInvariant() {
        Module constant = new Module() {
            @Override
            public Tensor forward(Tensor input) {
                double[] logits = new double[input.dim(0) * Digits.CLASSES];
                for (int i = 0; i < input.dim(0); i++) {
                    logits[i * Digits.CLASSES + 7] = 1;
                }
                return Tensor.of(logits, input.dim(0), Digits.CLASSES);
            }
        };
        Tensor images = Tensor.rand(new SplittableRandom(3), 4, 1, 8, 8);
        Evaluation evaluation = Evaluation.measure(constant, images, new int[] {7, 7, 1, 2});
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, evaluation.accuracy());
        assertEquals(0.0, evaluation.equivarianceError());
        assertEquals(0.0, evaluation.equivarianceStdError());
        assertEquals(7, evaluation.predictions()[2][3]);
    }

    @Test
    void theMeasuredErrorIsTheRegularizersErrorAveragedOverTheThreeRotations() throws IOException {
        Digits test = Digits.load(TestData.digits()).split(0.25, new Streams(5).split()).test();
        Init.seed(5);
        Module model = DigitsCnn.create();
        Evaluation evaluation = Evaluation.measure(model, test.images(), test.labels());
        EquivarianceReport report = RotationPenalty.regularizer(model, RunSpec.box(1, 1), 1, new SplittableRandom(0))
                .report(test.images());
        double mean = 0;
        for (PairReport pair : report.pairs()) {
            mean += pair.meanError() / report.pairs().size();
        }
        assertEquals(3, report.pairs().size());
        assertEquals(mean, evaluation.equivarianceError(), TOLERANCE * mean);
        assertTrue(evaluation.equivarianceStdError() > 0 && evaluation.equivarianceStdError() < evaluation.equivarianceError());
        // eval mode is left again, as the trainer expects
        assertTrue(model.isTraining());
    }

    @Test
    void standardErrorIsTheSampleDeviationOverRootN() {
        // values 1..4: mean 2.5, sample variance 5/3, standard error sqrt(5/3 / 4)
        assertEquals(Math.sqrt(5.0 / 12), Evaluation.standardError(new double[] {1, 2, 3, 4}), TOLERANCE);
        assertEquals(0.0, Evaluation.standardError(new double[] {42}));
    }
}
