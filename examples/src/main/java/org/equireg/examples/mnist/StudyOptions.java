package org.equireg.examples.mnist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.equireg.examples.cli.Flag;
import org.equireg.examples.cli.Flags;
import org.equireg.examples.cli.UsageException;

/**
 * The MNIST study's settings, from the command line.
 *
 * @param studies     "R", "S" or both, in that order
 * @param epochs      study R's passes over the 8,000 training images
 * @param steps       study S's training steps
 * @param runs        1-based run numbers to train within each study (default: all six)
 * @param seeds       one run of every setting per seed (study S: one label draw each; study R: the first seed only)
 * @param threads     worker threads of the library's kernels ({@code equireg.threads})
 * @param reuse       the batch-point regularizer reuses the task's forward pass (false: its own pass, for timing)
 * @param quick       a smoke run in seconds: a few steps, 64 test images
 * @param out         folder for report.html, table.txt and history.csv
 * @param data        folder with the mnist10k IDX files
 * @param help        print usage and exit
 */
public record StudyOptions(List<String> studies, int epochs, int steps, int[] runs, long[] seeds, int threads, boolean reuse, boolean quick,
                           Path out, Path data, boolean help) {

    /** Runs in each study. */
    public static final int RUNS_PER_STUDY = 6;

    /** The command as a user types it. */
    public static final String COMMAND = "java --add-modules jdk.incubator.vector -cp examples/target/equireg-examples.jar "
            + "org.equireg.examples.mnist.MnistStudy";

    /** What the program does. */
    public static final String SUMMARY = "Trains the protocol's CNN on 28x28 MNIST digits (8,000 training pool, 2,000 test images).\n"
            + "Study R: all labels, 6 runs (baseline, augmentation, regularizer at box points or at the batch, both,\n"
            + "the Lie derivative regularizer at the batch);\n"
            + "test accuracy at rotations of 0..90 degrees. Study S: 100 labels and 7,900 unlabeled images, 6 runs\n"
            + "(supervised, augmentation, KL regularizer at unlabeled images, both, the reference's distance, the\n"
            + "Lie derivative regularizer at unlabeled images). Every run's Lie derivatives are measured on 64 test images.\n"
            + "Writes report.html, table.txt and history.csv to the output folder.";

    /** The flags and their defaults. */
    public static final List<Flag> FLAGS = List.of(
            Flag.option("study", "R|S|both", "both", "which study to run"),
            Flag.option("epochs", "N", "5", "study R: passes over the 8,000 training images"),
            Flag.option("steps", "N", "2000", "study S: training steps"),
            Flag.option("runs", "LIST", "1,2,3,4,5,6", "comma-separated run numbers of each study to train"),
            Flag.option("seeds", "LIST", "1", "comma-separated seeds (study S: one label draw each; study R uses the first)"),
            Flag.option("threads", "N", String.valueOf(Runtime.getRuntime().availableProcessors()), "kernel worker threads"),
            Flag.toggle("no-reuse", "the batch-point regularizer makes its own model(v) pass (to time the reuse)"),
            Flag.toggle("quick", "smoke run: 3 steps per run, 64 test images"),
            Flag.option("out", "DIR", "reports/mnist", "output folder"),
            Flag.option("data", "DIR", "data", "folder with mnist10k-images-idx3-ubyte.gz and mnist10k-labels-idx1-ubyte.gz"),
            Flag.toggle("help", "print this message and exit"));

    /** Parses the command line; a {@link UsageException} names the offending flag. */
    public static StudyOptions parse(String... args) throws UsageException {
        Flags flags = Flags.parse(FLAGS, args);
        String study = flags.string("study");
        List<String> studies = switch (study.toLowerCase(java.util.Locale.ROOT)) {
            case "r" -> List.of("R");
            case "s" -> List.of("S");
            case "both" -> List.of("R", "S");
            default -> throw new UsageException("flag --study needs R, S or both, got '" + study + "'");
        };
        return new StudyOptions(studies, flags.integer("epochs", 1, 10_000), flags.integer("steps", 1, 10_000_000),
                runs(flags.string("runs")), seeds(flags.string("seeds")), flags.integer("threads", 1, 1024), !flags.isSet("no-reuse"), flags.isSet("quick"),
                flags.path("out"), flags.path("data"), flags.isSet("help"));
    }

    private static int[] runs(String text) throws UsageException {
        long[] numbers = integers("runs", text);
        for (long number : numbers) {
            if (number < 1 || number > RUNS_PER_STUDY) {
                throw new UsageException("flag --runs needs run numbers in 1.." + RUNS_PER_STUDY + ", got " + number);
            }
        }
        return Arrays.stream(numbers).mapToInt(number -> (int) number).sorted().toArray();
    }

    /** The runs a study selects, in its order. */
    public List<StudyRun> select(List<StudyRun> all) {
        return Arrays.stream(runs).mapToObj(number -> all.get(number - 1)).toList();
    }

    private static long[] seeds(String text) throws UsageException {
        return integers("seeds", text);
    }

    /** Distinct comma-separated integers. */
    private static long[] integers(String flag, String text) throws UsageException {
        List<Long> seeds = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                long seed = Long.parseLong(part.strip());
                if (seeds.contains(seed)) {
                    throw new UsageException("flag --" + flag + " lists " + seed + " twice");
                }
                seeds.add(seed);
            } catch (NumberFormatException e) {
                throw new UsageException("flag --" + flag + " needs comma-separated integers, got '" + text + "'");
            }
        }
        return seeds.stream().mapToLong(Long::longValue).toArray();
    }

    /** The usage message. */
    public static String usage() {
        return Flags.usage(COMMAND, SUMMARY, FLAGS);
    }
}
