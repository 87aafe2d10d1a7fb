package org.equireg.examples.shift;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.equireg.core.GradMode;
import org.equireg.core.Tensor;
import org.equireg.examples.cli.Flag;
import org.equireg.examples.cli.Flags;
import org.equireg.examples.cli.TextTable;
import org.equireg.examples.cli.UsageException;
import org.equireg.nn.Adam;
import org.equireg.nn.Init;
import org.equireg.nn.Linear;
import org.equireg.nn.Losses;
import org.equireg.nn.Module;
import org.equireg.nn.ReLU;
import org.equireg.nn.Sequential;
import org.equireg.regularizer.Distance;
import org.equireg.regularizer.EquivarianceError;
import org.equireg.regularizer.TransformPair;
import org.equireg.regularizer.samplers.Samplers;
import org.equireg.regularizer.transforms.FiniteGroup;
import org.equireg.regularizer.transforms.Transforms;

/**
 * Shift equivariance from few samples: an MLP (16 -> 64 -> 16, ReLU) learns the noisy circular
 * convolution of a {@link ShiftProblem} from 32 signals that live on the first half of the
 * positions, three ways with the same seed and steps: plain, with the regularizer over every
 * non-zero shift (f_in = f_out = roll, L2 distance) at the training signals, and the same at
 * Gaussian points N(0, 1) that cover every position. Prints the test errors on unshifted and
 * shifted signals and the measured equivariance error.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp examples/target/equireg-examples.jar
 * org.equireg.examples.shift.ShiftEquivarianceExample}. Exit status 2 for a bad command line.
 */
public final class ShiftEquivarianceExample {
    static final int LENGTH = 16;
    static final int KERNEL_WIDTH = 5;
    static final int TRAIN_SIZE = 32;
    static final int TEST_SIZE = 500;
    static final double NOISE = 0.1;
    static final int HIDDEN = 64;
    static final double LEARNING_RATE = 1e-2;
    /** Shifts drawn per step (of the 15 non-zero ones) and Gaussian points per step. */
    static final int PAIRS_PER_STEP = 4;
    static final int GAUSSIAN_POINTS = 64;

    private static final String COMMAND = "java --add-modules jdk.incubator.vector -cp examples/target/equireg-examples.jar "
            + "org.equireg.examples.shift.ShiftEquivarianceExample";
    private static final String SUMMARY = "An MLP learns a noisy circular convolution from 32 signals seen on half the positions,\n"
            + "with and without the shift-equivariance regularizer (f_in = f_out = roll); prints the test errors.";
    private static final List<Flag> FLAGS = List.of(
            Flag.option("steps", "N", "1000", "full-batch Adam steps per run"),
            Flag.option("lambda", "X", "0.1", "regularizer weight"),
            Flag.option("seed", "N", "1", "seed of the problem, the initial weights and the regularizer"),
            Flag.toggle("help", "print this message and exit"));

    /** Where a run's regularizer takes its points from. */
    enum Points { NONE, TRAINING_SIGNALS, GAUSSIAN }

    /**
     * One run's outcome.
     *
     * @param name              the run
     * @param trainError        MSE on the (noisy) training targets
     * @param testError         MSE on fresh unshifted test signals
     * @param shiftedError      MSE on the same signals rolled by random shifts
     * @param equivarianceError mean over test signals and shifts s = 1..15 of
     *                          {@code ||roll(model(x), s) - model(roll(x, s))||_2}
     * @param standardError     its standard error over the test signals
     * @param seconds           training wall time
     */
    record Result(String name, double trainError, double testError, double shiftedError, double equivarianceError,
                  double standardError, double seconds) {
    }

    private ShiftEquivarianceExample() {
    }

    /** Runs the example with the command-line flags and exits with its status. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The example; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        int steps;
        double lambda;
        long seed;
        try {
            Flags flags = Flags.parse(FLAGS, args);
            if (flags.isSet("help")) {
                out.print(Flags.usage(COMMAND, SUMMARY, FLAGS));
                return 0;
            }
            steps = flags.integer("steps", 1, 1_000_000);
            lambda = flags.nonNegative("lambda");
            seed = flags.longInteger("seed");
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(Flags.usage(COMMAND, SUMMARY, FLAGS));
            return 2;
        }
        ShiftProblem problem = ShiftProblem.draw(LENGTH, KERNEL_WIDTH, TRAIN_SIZE, TEST_SIZE, NOISE, new SplittableRandom(seed));
        out.printf(Locale.ROOT, "circular convolution, length %d, kernel width %d; %d noisy training signals (noise sd %s) "
                + "on positions 0..%d; %d test signals; %d steps, lambda %s, seed %d%n", LENGTH, KERNEL_WIDTH, TRAIN_SIZE,
                NOISE, LENGTH / 2 - 1, TEST_SIZE, steps, lambda, seed);
        List<Result> results = runAll(problem, steps, lambda, seed);
        out.println();
        out.print(table(results).render());
        return 0;
    }

    /** The three runs, in order: plain, regularized at the training signals, regularized at Gaussian points. */
    static List<Result> runAll(ShiftProblem problem, int steps, double lambda, long seed) {
        List<Result> results = new ArrayList<>();
        results.add(train("plain MLP", Points.NONE, problem, steps, lambda, seed));
        results.add(train("roll, training signals", Points.TRAINING_SIGNALS, problem, steps, lambda, seed));
        results.add(train("roll, Gaussian points", Points.GAUSSIAN, problem, steps, lambda, seed));
        return results;
    }

    static Result train(String name, Points points, ShiftProblem problem, int steps, double lambda, long seed) {
        Init.seed(seed);
        Module model = new Sequential(new Linear(LENGTH, HIDDEN), new ReLU(), new Linear(HIDDEN, LENGTH));
        EquivarianceError regularizer = points == Points.NONE ? null : regularizer(model, points, lambda, seed);
        Adam optimizer = new Adam(model.parameters(), LEARNING_RATE);
        long start = System.nanoTime();
        for (int step = 0; step < steps; step++) {
            Tensor loss = Losses.mse(model.forward(problem.trainInputs()), problem.trainTargets());
            if (regularizer != null) {
                loss = loss.add(points == Points.GAUSSIAN ? regularizer.compute() : regularizer.compute(problem.trainInputs()));
            }
            optimizer.zeroGrad();
            loss.backward();
            optimizer.step();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (GradMode.Scope noGrad = GradMode.noGrad()) {
            double[] equivariance = perSignalEquivarianceError(model, problem.testInputs());
            return new Result(name, mse(model, problem.trainInputs(), problem.trainTargets()),
                    mse(model, problem.testInputs(), problem.testTargets()), mse(model, problem.shiftedInputs(), problem.shiftedTargets()),
                    mean(equivariance), standardError(equivariance), seconds);
        }
    }

    /** Every non-zero shift s as a pair (roll s, roll s), L2 distance, a few pairs per step. */
    private static EquivarianceError regularizer(Module model, Points points, double lambda, long seed) {
        FiniteGroup shifts = Transforms.cyclicShifts(-1, LENGTH);
        EquivarianceError.Builder builder = EquivarianceError.builder(model, new int[] {LENGTH},
                        TransformPair.everyElement(shifts, shifts, 0, lambda))
                .distance(Distance.L2)
                .functionsPerCall(PAIRS_PER_STEP)
                .withReplacement(false)
                .seed(seed);
        if (points == Points.GAUSSIAN) {
            builder.sampler(Samplers.gaussian(0, 1)).sampleSize(GAUSSIAN_POINTS);
        }
        return builder.build();
    }

    private static double mse(Module model, Tensor inputs, Tensor targets) {
        return Losses.mse(model.forward(inputs), targets).item();
    }

    /** Per test signal: the mean over s = 1..L-1 of {@code ||roll(model(x), s) - model(roll(x, s))||_2}. */
    static double[] perSignalEquivarianceError(Module model, Tensor inputs) {
        Tensor outputs = model.forward(inputs);
        double[] sums = new double[inputs.dim(0)];
        for (int shift = 1; shift < LENGTH; shift++) {
            double[] distances = Distance.L2.between(outputs.roll(shift, 1), model.forward(inputs.roll(shift, 1))).toArray();
            for (int i = 0; i < sums.length; i++) {
                sums[i] += distances[i] / (LENGTH - 1);
            }
        }
        return sums;
    }

    static TextTable table(List<Result> results) {
        TextTable table = new TextTable(List.of(
                new TextTable.Column("run", TextTable.Align.LEFT),
                new TextTable.Column("train MSE", TextTable.Align.RIGHT),
                new TextTable.Column("test MSE", TextTable.Align.RIGHT),
                new TextTable.Column("shifted test MSE", TextTable.Align.RIGHT),
                new TextTable.Column("equiv. error +- s.e.", TextTable.Align.RIGHT),
                new TextTable.Column("train time", TextTable.Align.RIGHT)));
        for (Result result : results) {
            table.addRow(result.name(), String.format(Locale.ROOT, "%.4f", result.trainError()),
                    String.format(Locale.ROOT, "%.4f", result.testError()), String.format(Locale.ROOT, "%.4f", result.shiftedError()),
                    String.format(Locale.ROOT, "%.3f +- %.3f", result.equivarianceError(), result.standardError()),
                    String.format(Locale.ROOT, "%.1f s", result.seconds()));
        }
        return table;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double standardError(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1) / values.length);
    }
}
