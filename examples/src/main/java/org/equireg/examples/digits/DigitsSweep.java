package org.equireg.examples.digits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.equireg.examples.cli.Flag;
import org.equireg.examples.cli.Flags;
import org.equireg.examples.cli.ProgressBar;
import org.equireg.examples.cli.TextTable;
import org.equireg.examples.cli.UsageException;

/**
 * How run 4 of the demo ({@link RunSpec#best()}) was chosen: trains a grid of regularizer settings
 * on 80% of the demo's training set and ranks them by the mean accuracy over the four rotations of
 * the other 20% (the validation set). The demo's test set is never looked at.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp examples/target/equireg-examples.jar
 * org.equireg.examples.digits.DigitsSweep [--epochs N] [--seed N] [--data PATH]}.
 */
public final class DigitsSweep {
    private static final double VALIDATION_FRACTION = 0.2;
    private static final List<Flag> FLAGS = List.of(
            Flag.option("epochs", "N", "8", "passes over the training part, per setting"),
            Flag.option("seed", "N", "1", "seed, as the demo's"),
            Flag.option("data", "PATH", "data/digits.csv.gz", "the digits CSV (gzip)"),
            Flag.toggle("help", "print this message and exit"));

    private DigitsSweep() {
    }

    /**
     * The grid: the baseline; lambda x pairs per step with batch samples; then, around the best of
     * those, epsilon, fewer samples, a box-and-batch mixture, box samples alone.
     */
    static List<RunSpec> grid() {
        List<RunSpec> grid = new ArrayList<>(List.of(RunSpec.baseline()));
        for (double lambda : new double[] {0.01, 0.03, 0.1, 0.3}) {
            for (int pairs : new int[] {1, 3}) {
                grid.add(new RunSpec("batch", lambda, 0, 0, 32, pairs));
            }
        }
        grid.add(new RunSpec("batch", 0.05, 0, 0, 32, 3));
        grid.add(new RunSpec("batch", 0.15, 0, 0, 32, 3));
        grid.add(new RunSpec("batch", 0.2, 0, 0, 32, 3));
        grid.add(new RunSpec("batch", 0.1, 0, 0, 32, 2));
        grid.add(new RunSpec("batch", 0.1, 0, 0, 16, 3));
        for (double epsilon : new double[] {0.25, 0.5, 2}) {
            grid.add(new RunSpec("batch eps", 0.1, epsilon, 0, 32, 3));
        }
        grid.add(new RunSpec("box+batch", 0.1, 0, 4, 32, 3));
        grid.add(new RunSpec("box+batch", 0.1, 0, 16, 32, 3));
        grid.add(new RunSpec("box", 0.1, 0, 32, 0, 3));
        return grid;
    }

    /** Runs the sweep and prints the ranked table; exit status as the demo's. */
    public static void main(String[] args) {
        Flags flags;
        try {
            flags = Flags.parse(FLAGS, args);
            if (flags.isSet("help")) {
                System.out.print(Flags.usage("DigitsSweep", "Ranks regularizer settings on a validation split.", FLAGS));
                return;
            }
            sweep(flags.integer("epochs", 1, 10_000), flags.longInteger("seed"), flags.path("data"));
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(Flags.usage("DigitsSweep", "Ranks regularizer settings on a validation split.", FLAGS));
            System.exit(2);
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void sweep(int epochs, long seed, Path data) throws IOException {
        Streams streams = new Streams(seed);
        Digits train = Digits.load(data).split(DigitsDemo.TEST_FRACTION, streams.split()).train();
        Digits.Parts parts = train.split(VALIDATION_FRACTION, streams.validation());
        DigitsTrainer trainer = new DigitsTrainer(
                new DigitsTrainer.Budget(epochs, DigitsDemo.BATCH_SIZE, DigitsDemo.LEARNING_RATE, Integer.MAX_VALUE), seed);
        List<RunResult> results = new ArrayList<>();
        for (RunSpec spec : grid()) {
            System.out.println(spec.name() + ": " + spec.describe());
            ProgressBar progress = ProgressBar.onStdout("  ", (long) epochs * trainer.stepsPerEpoch(parts.train().size()));
            results.add(trainer.train(spec, (model, random) -> RotationPenalty.of(spec, model, random), parts.train(), parts.test(), progress));
        }
        results.sort(Comparator.comparingDouble(DigitsSweep::meanAccuracy).reversed());
        System.out.println();
        System.out.print(ResultsTable.of(results).render());
        System.out.println();
        TextTable ranking = new TextTable(List.of(new TextTable.Column("#", TextTable.Align.RIGHT),
                new TextTable.Column("setting", TextTable.Align.LEFT), new TextTable.Column("mean acc over rotations", TextTable.Align.RIGHT)));
        for (int i = 0; i < results.size(); i++) {
            ranking.addRow(String.valueOf(i + 1), results.get(i).spec().describe(),
                    String.format(Locale.ROOT, "%.1f%%", 100 * meanAccuracy(results.get(i))));
        }
        System.out.print(ranking.render());
    }

    /** The ranking criterion: mean accuracy over 0, 90, 180 and 270 degrees. */
    static double meanAccuracy(RunResult result) {
        double[] accuracy = result.test().accuracy();
        return (accuracy[0] + accuracy[1] + accuracy[2] + accuracy[3]) / 4;
    }
}
