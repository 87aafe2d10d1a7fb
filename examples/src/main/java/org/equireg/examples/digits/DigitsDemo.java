package org.equireg.examples.digits;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.examples.cli.ProgressBar;
import org.equireg.examples.cli.TextTable;
import org.equireg.examples.cli.UsageException;
import org.equireg.examples.report.AtomicFiles;

/**
 * The main job: does the rotation-invariance regularizer make a digits classifier rotation
 * invariant, and what does it cost? Trains {@link RunSpec#all the four runs} with the same seed
 * and budget, prints a progress bar per run and the final table, and writes {@code report.html},
 * {@code table.txt} and {@code history.csv} to the output folder.
 *
 * <p>Exit status: 0 on success, 1 when the data cannot be read or the report cannot be written,
 * 2 for a bad command line.
 */
public final class DigitsDemo {
    /** Fraction of the images held out for testing. */
    static final double TEST_FRACTION = 0.25;
    static final int BATCH_SIZE = 32;
    static final double LEARNING_RATE = 3e-3;

    private DigitsDemo() {
    }

    /** Runs the demo with the command-line flags (see {@code --help}) and exits with its status. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The demo; returns the exit status instead of exiting, so tests can call it. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(DemoOptions.usage());
            return 2;
        }
        if (options.help()) {
            out.print(DemoOptions.usage());
            return 0;
        }
        // The kernels' pool reads this when first used, which is after this line.
        System.setProperty("equireg.threads", String.valueOf(options.threads()));
        try {
            return demo(options, out, Integer.MAX_VALUE);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    static int demo(DemoOptions options, PrintStream out, int maxBatches) throws IOException {
        DType previous = Tensor.defaultDtype();
        Tensor.setDefaultDtype(options.dtype()); // the layers, the images and so the regularizer's points
        try {
            return demoInDefaultType(options, out, maxBatches);
        } finally {
            Tensor.setDefaultDtype(previous);
        }
    }

    private static int demoInDefaultType(DemoOptions options, PrintStream out, int maxBatches) throws IOException {
        long start = System.nanoTime();
        Digits.Parts data = Digits.load(options.data()).split(TEST_FRACTION, new Streams(options.seed()).split());
        out.printf(Locale.ROOT, "UCI digits: %d training, %d test images (seed %d); %d epochs per run, batch %d, Adam lr %s%s%n",
                data.train().size(), data.test().size(), options.seed(), options.epochs(), BATCH_SIZE, RunSpec.number(LEARNING_RATE),
                options.dtype() == DType.FLOAT64 ? "" : ", " + options.dtype());
        DigitsTrainer trainer = new DigitsTrainer(
                new DigitsTrainer.Budget(options.epochs(), BATCH_SIZE, LEARNING_RATE, maxBatches), options.seed());
        List<RunSpec> specs = RunSpec.all(options.lambda(), options.samples());
        List<RunResult> results = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            RunSpec spec = specs.get(i);
            out.printf(Locale.ROOT, "run %d/%d %s: %s%n", i + 1, specs.size(), spec.name(), spec.describe());
            ProgressBar progress = new ProgressBar(out, out == System.out && ProgressBar.stdoutIsTerminal(),
                    String.format(Locale.ROOT, "run %d", i + 1), (long) options.epochs() * trainer.stepsPerEpoch(data.train().size()),
                    System::nanoTime);
            results.add(trainer.train(spec, (model, random) -> RotationPenalty.of(spec, model, random), data.train(), data.test(), progress));
        }
        TextTable table = ResultsTable.of(results);
        out.println();
        out.print(table.render());
        double seconds = (System.nanoTime() - start) / 1e9;
        writeOutputs(options, data, results, table, seconds);
        out.printf(Locale.ROOT, "%nwhole demo %.1f s; report: %s%n", seconds, options.out().resolve("report.html"));
        return 0;
    }

    private static void writeOutputs(DemoOptions options, Digits.Parts data, List<RunResult> results, TextTable table, double seconds)
            throws IOException {
        Path folder = options.out();
        AtomicFiles.writeString(folder.resolve("table.txt"), table.render());
        AtomicFiles.writeString(folder.resolve("history.csv"), historyCsv(results));
        DigitsReport.Content content = new DigitsReport.Content(options, data.train().size(), data.test(), results, table,
                environment(options), seconds);
        AtomicFiles.writeString(folder.resolve("report.html"), DigitsReport.html(content));
    }

    /** Every epoch of every run: run,name,epoch,train_loss,train_accuracy,test_accuracy,rotated_accuracy,equivariance_error. */
    static String historyCsv(List<RunResult> results) {
        StringBuilder csv = new StringBuilder("run,name,epoch,train_loss,train_accuracy,test_accuracy,rotated_accuracy,equivariance_error\n");
        for (int i = 0; i < results.size(); i++) {
            for (EpochRecord record : results.get(i).history()) {
                csv.append(String.format(Locale.ROOT, "%d,%s,%d,%.6f,%.6f,%.6f,%.6f,%.6f%n", i + 1, csvField(results.get(i).spec().name()),
                        record.epoch(), record.trainLoss(), record.trainAccuracy(), record.testAccuracy(),
                        record.rotatedAccuracy(), record.equivarianceError()));
            }
        }
        return csv.toString();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    static String csvField(String text) {
        boolean plain = text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? text : '"' + text.replace("\"", "\"\"") + '"';
    }

    private static String environment(DemoOptions options) {
        return String.format(Locale.ROOT, "Java %s (%s), %s %s, %d threads, %d available processors",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"), options.threads(), Runtime.getRuntime().availableProcessors());
    }
}
