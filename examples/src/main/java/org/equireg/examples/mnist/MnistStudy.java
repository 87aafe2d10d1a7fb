package org.equireg.examples.mnist;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.equireg.examples.cli.ProgressBar;
import org.equireg.examples.cli.TextTable;
import org.equireg.examples.cli.UsageException;
import org.equireg.examples.report.AtomicFiles;
import org.equireg.examples.report.LieMeasurement;
import org.equireg.examples.report.LieSection;

/**
 * The MNIST study: study R (rotation robustness with all labels) and study S (100 labels plus
 * unlabeled images), each six runs under the fixed protocol (see {@link StudyRun} and
 * {@link StudyTrainer}); prints a progress bar per run and the tables, and writes
 * {@code report.html}, {@code table.txt} and {@code history.csv}.
 *
 * <p>Exit status: 0 on success, 1 when the data cannot be read or the report cannot be written,
 * 2 for a bad command line.
 */
public final class MnistStudy {
    private static final int QUICK_TEST_IMAGES = 64;
    private static final int QUICK_STEPS = 3;
    private static final int CHECKPOINT_EVERY = 250;

    private MnistStudy() {
    }

    /** Runs the study with the command-line flags (see {@code --help}) and exits with its status. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The study; returns the exit status instead of exiting, so tests can call it. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        StudyOptions options;
        try {
            options = StudyOptions.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(StudyOptions.usage());
            return 2;
        }
        if (options.help()) {
            out.print(StudyOptions.usage());
            return 0;
        }
        // The kernels' pool reads this when first used, which is after this line.
        System.setProperty("equireg.threads", String.valueOf(options.threads()));
        try {
            study(options, out);
            return 0;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** Both studies as configured; the tables on {@code out} and the files in the output folder. */
    static void study(StudyOptions options, PrintStream out) throws IOException {
        long start = System.nanoTime();
        MnistData.Parts parts = MnistData.load(options.data()).split(MnistData.TEST_SIZE, new SplittableRandom(MnistData.SPLIT_SEED));
        MnistData test = options.quick() ? parts.test().head(QUICK_TEST_IMAGES) : parts.test();
        StudyTrainer trainer = new StudyTrainer(options.quick()
                ? new StudyTrainer.Budget(1, QUICK_STEPS, QUICK_STEPS, 1, options.reuse())
                : new StudyTrainer.Budget(options.epochs(), options.steps(), Integer.MAX_VALUE, CHECKPOINT_EVERY, options.reuse()));
        out.printf(Locale.ROOT, "MNIST: %d training pool, %s; batch %d, Adam lr %s, %d threads%s%n", parts.pool().size(),
                testImages(test.size(), parts.test().size()), StudyTrainer.BATCH_SIZE, RunNumbers.number(StudyTrainer.LEARNING_RATE),
                options.threads(), options.quick() ? " (quick smoke run: " + QUICK_STEPS + " steps per run)" : "");
        List<RunOutcome> robustness = new ArrayList<>();
        List<RunOutcome> semi = new ArrayList<>();
        double[] studySeconds = new double[2];
        if (options.studies().contains("R")) {
            long begin = System.nanoTime();
            List<StudyRun> runs = options.select(StudyRun.robustness());
            out.printf(Locale.ROOT, "%nstudy R (robustness): all %d labels, %s, seed %d%n", parts.pool().size(),
                    options.quick() ? QUICK_STEPS + " steps" : options.epochs() + (options.epochs() == 1 ? " epoch" : " epochs"),
                    options.seeds()[0]);
            for (StudyRun run : runs) {
                int number = StudyRun.robustness().indexOf(run) + 1;
                out.printf(Locale.ROOT, "R%d %s: %s%n", number, run.name(), run.describe());
                robustness.add(trainer.robustness(run, options.seeds()[0], parts.pool(), test,
                        bar(out, "R" + number, trainer.totalSteps("R", parts.pool().size()))));
            }
            studySeconds[0] = (System.nanoTime() - begin) / 1e9;
        }
        if (options.studies().contains("S")) {
            long begin = System.nanoTime();
            List<StudyRun> runs = options.select(StudyRun.semiSupervised());
            out.printf(Locale.ROOT, "%nstudy S (semi-supervised): 100 labels, %d unlabeled, %d steps, seeds %s%n", parts.pool().size() - 100,
                    options.quick() ? QUICK_STEPS : options.steps(), Arrays.toString(options.seeds()));
            for (long seed : options.seeds()) {
                for (StudyRun run : runs) {
                    int number = StudyRun.semiSupervised().indexOf(run) + 1;
                    out.printf(Locale.ROOT, "S%d %s, seed %d: %s%n", number, run.name(), seed, run.describe());
                    semi.add(trainer.semiSupervised(run, seed, parts.pool(), test,
                            bar(out, "S" + number + "/" + seed, trainer.totalSteps("S", parts.pool().size()))));
                }
            }
            studySeconds[1] = (System.nanoTime() - begin) / 1e9;
        }
        TextTable tableR = robustness.isEmpty() ? null : StudyTables.robustness(robustness);
        TextTable tableS = semi.isEmpty() ? null : StudyTables.semiSupervised(StudyRun.semiSupervised(), options.seeds(), semi);
        String tables = tablesText(tableR, tableS, studySeconds) + lieTables(robustness, semi);
        out.println();
        out.print(tables);
        double seconds = (System.nanoTime() - start) / 1e9;
        Path folder = options.out();
        AtomicFiles.writeString(folder.resolve("table.txt"), tables);
        List<RunOutcome> all = new ArrayList<>(robustness);
        all.addAll(semi);
        AtomicFiles.writeString(folder.resolve("history.csv"), StudyTables.historyCsv(all));
        AtomicFiles.writeString(folder.resolve("report.html"), MnistReport.html(new MnistReport.Content(options, test, robustness,
                tableR, semi, tableS, environment(options), studySeconds, seconds)));
        out.printf(Locale.ROOT, "%nwhole study %.1f s; report: %s%n", seconds, folder.resolve("report.html"));
    }

    /** "2000 test images", or in a quick run "64 of the 2000 test images". */
    static String testImages(int used, int all) {
        return used == all ? all + " test images" : used + " of the " + all + " test images";
    }

    private static ProgressBar bar(PrintStream out, String label, long steps) {
        return new ProgressBar(out, out == System.out && ProgressBar.stdoutIsTerminal(), label, steps, System::nanoTime);
    }

    private static String tablesText(TextTable tableR, TextTable tableS, double[] studySeconds) {
        StringBuilder text = new StringBuilder();
        if (tableR != null) {
            text.append(String.format(Locale.ROOT, "study R: test accuracy at rotations (mean of +-), wall time %.0f s%n", studySeconds[0]))
                    .append(tableR.render());
        }
        if (tableS != null) {
            text.append(tableR == null ? "" : "\n")
                    .append(String.format(Locale.ROOT, "study S: test accuracy with 100 labels, per label draw, wall time %.0f s%n", studySeconds[1]))
                    .append(tableS.render());
        }
        return text.toString();
    }

    /** Every study R run's Lie derivatives, and those of study S's runs at the first seed. */
    private static String lieTables(List<RunOutcome> robustness, List<RunOutcome> semi) {
        StringBuilder text = new StringBuilder();
        for (List<RunOutcome> outcomes : List.of(robustness, firstSeed(semi))) {
            if (outcomes.isEmpty()) {
                continue;
            }
            text.append(String.format(Locale.ROOT, "%nstudy %s: Lie derivatives, mean |d/dt softmax(model(T_t x))| at t = 0 on %d test"
                    + " images%n", outcomes.get(0).run().study(), LieMeasurement.IMAGES))
                    .append(LieSection.table(outcomes.stream().map(outcome -> outcome.run().name()).toList(),
                            outcomes.stream().map(RunOutcome::lie).toList()).render());
        }
        return text.toString();
    }

    /** The outcomes of the first seed among {@code outcomes}, in order. */
    static List<RunOutcome> firstSeed(List<RunOutcome> outcomes) {
        return outcomes.isEmpty() ? outcomes : outcomes.stream().filter(outcome -> outcome.seed() == outcomes.get(0).seed()).toList();
    }

    private static String environment(StudyOptions options) {
        return String.format(Locale.ROOT, "Java %s (%s), %s %s, %d threads, %d available processors",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"), options.threads(), Runtime.getRuntime().availableProcessors());
    }
}
