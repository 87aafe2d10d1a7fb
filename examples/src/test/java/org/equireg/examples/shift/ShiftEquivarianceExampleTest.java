package org.equireg.examples.shift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

class ShiftEquivarianceExampleTest {
    private static final int LENGTH = 8;
    private static final double EXACT = 1e-12;

    @Test
    void theTargetMapCommutesWithRolls() {
        ShiftProblem problem = ShiftProblem.draw(LENGTH, 3, 4, 5, 0, new SplittableRandom(7));
        double[] kernel = problem.kernel();
        Tensor x = problem.testInputs();
        for (int shift = 1; shift < LENGTH; shift++) {
            double[] rolledThenMapped = ShiftProblem.convolve(kernel, x.roll(shift, 1).toArray(), LENGTH);
            double[] mappedThenRolled = problem.testTargets().roll(shift, 1).toArray();
            assertArrayEquals(mappedThenRolled, rolledThenMapped, EXACT);
        }
        // with zero noise the training targets are exact too
        assertArrayEquals(ShiftProblem.convolve(kernel, problem.trainInputs().toArray(), LENGTH), problem.trainTargets().toArray(), 0);
        assertArrayEquals(ShiftProblem.convolve(kernel, problem.shiftedInputs().toArray(), LENGTH),
                problem.shiftedTargets().toArray(), 0);
    }

    @Test
    void convolutionIsTheCentredCircularCrossCorrelation() {
        double[] kernel = {1, 10, 100};
        double[] signal = {1, 2, 3, 4};
        // y[i] = x[i-1] + 10 x[i] + 100 x[i+1], indices mod 4
        assertArrayEquals(new double[] {4 + 10 + 200, 1 + 20 + 300, 2 + 30 + 400, 3 + 40 + 100},
                ShiftProblem.convolve(kernel, signal, 4), 0);
    }

    @Test
    void trainingSignalsLiveOnTheFirstHalfAndTestSignalsAreRolled() {
        ShiftProblem problem = ShiftProblem.draw(LENGTH, 3, 6, 10, 0.1, new SplittableRandom(1));
        double[] train = problem.trainInputs().toArray();
        for (int row = 0; row < 6; row++) {
            for (int i = LENGTH / 2; i < LENGTH; i++) {
                assertEquals(0.0, train[row * LENGTH + i]);
            }
        }
        double[] test = problem.testInputs().toArray();
        double[] shifted = problem.shiftedInputs().toArray();
        for (int row = 0; row < 10; row++) {
            boolean someShift = false;
            for (int shift = 1; shift < LENGTH; shift++) {
                someShift |= java.util.Arrays.equals(Tensor.of(test, 10, LENGTH).slice(0, row, row + 1).roll(shift, 1).toArray(),
                        java.util.Arrays.copyOfRange(shifted, row * LENGTH, (row + 1) * LENGTH));
            }
            assertTrue(someShift, "row " + row + " is a non-zero roll of its test signal");
        }
    }

    @Test
    void theRegularizerImprovesTheShiftedTestErrorAndIsReproducible() {
        ShiftProblem problem = ShiftProblem.draw(ShiftEquivarianceExample.LENGTH, ShiftEquivarianceExample.KERNEL_WIDTH,
                ShiftEquivarianceExample.TRAIN_SIZE, 100, ShiftEquivarianceExample.NOISE, new SplittableRandom(1));
        List<ShiftEquivarianceExample.Result> results = ShiftEquivarianceExample.runAll(problem, 300, 0.1, 1);
        double plain = results.get(0).shiftedError();
        for (ShiftEquivarianceExample.Result regularized : results.subList(1, 3)) {
            assertTrue(regularized.shiftedError() < plain / 4, regularized + " vs plain " + plain);
            assertTrue(regularized.equivarianceError() < results.get(0).equivarianceError() / 4, regularized.toString());
        }
        ShiftEquivarianceExample.Result again = ShiftEquivarianceExample.train("again", ShiftEquivarianceExample.Points.GAUSSIAN,
                problem, 300, 0.1, 1);
        assertEquals(results.get(2).shiftedError(), again.shiftedError(), 0.0, "same seed, same numbers");
    }

    @Test
    void badFlagsGiveStatusTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, ShiftEquivarianceExample.run(new String[] {"--steps", "-3"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
    }
}
