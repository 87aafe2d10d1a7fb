package org.equireg.examples.mnist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.equireg.examples.cli.Flag;
import org.equireg.examples.cli.Flags;
import org.equireg.examples.cli.UsageException;

/**
 * The MNIST sweep's settings, from the command line.
 *
 * @param master    Spark master URL ({@code local[*]}, {@code spark://host:port}); null: leave it to spark-submit
 * @param protocols "R", "S" or both, in that order
 * @param distances the regularizer's distances ({@code kl}, {@code ce_logits}, {@code l2})
 * @param lambdas   the regularizer's weights
 * @param epsilons  the regularizer's tolerances
 * @param degrees   the warp's rotation ranges in degrees (study S adds its +-2 pixel shift)
 * @param seeds     seeds (study S: one label draw each)
 * @param epochs    protocol R's passes over the training images
 * @param steps     protocol S's steps
 * @param threads   kernel threads per run
 * @param quick     a smoke run: 3 steps per run, 64 test images
 * @param out       output folder (one sweep folder per protocol inside)
 * @param data      folder with the mnist10k IDX files, readable by every executor
 * @param help      print usage and exit
 */
public record SweepOptions(String master, List<String> protocols, List<String> distances, List<Double> lambdas, List<Double> epsilons,
                           List<Double> degrees, long[] seeds, int epochs, int steps, int threads, boolean quick, Path out, Path data,
                           boolean help) {

    /** The command as a user types it (after the build). */
    public static final String COMMAND = "examples/mnist-sweep.sh";

    /** What the program does. */
    public static final String SUMMARY = "Sweeps the MNIST study's regularized run on Apache Spark: distance x lambda x epsilon x rotation\n"
            + "range x seeds, for protocol R (all labels, the regularizer at the training batch; robustness to rotations)\n"
            + "and protocol S (100 labels, the regularizer at unlabeled images). One Spark task per run; writes\n"
            + "results.csv, results.parquet and report.html per protocol; a rerun skips finished runs.";

    /** The flags and their defaults. */
    public static final List<Flag> FLAGS = List.of(
            Flag.option("master", "URL", "local[*]", "Spark master (spark://host:port for a cluster; ignored under spark-submit unless given)"),
            Flag.option("protocols", "LIST", "R,S", "protocols to sweep: R, S or R,S"),
            Flag.option("distances", "LIST", "kl,ce_logits", "regularizer distances: kl, ce_logits, l2"),
            Flag.option("lambdas", "LIST", "0.3,1", "regularizer weights"),
            Flag.option("epsilons", "LIST", "0", "regularizer tolerances"),
            Flag.option("degrees", "LIST", "15,45", "rotation ranges of the warp, in degrees"),
            Flag.option("seeds", "LIST", "1,2,3", "seeds (protocol S: one label draw each)"),
            Flag.option("epochs", "N", "5", "protocol R: passes over the 8,000 training images"),
            Flag.option("steps", "N", "2000", "protocol S: training steps"),
            Flag.option("threads", "N", "1", "kernel threads per run (a run is one Spark task on one core)"),
            Flag.toggle("quick", "smoke run: 3 steps per run, 64 test images"),
            Flag.option("out", "DIR", "reports/mnist-sweep", "output folder"),
            Flag.option("data", "DIR", "data", "folder with the mnist10k IDX files (on every executor's disk)"),
            Flag.toggle("help", "print this message and exit"));

    /** Parses the command line; a {@link UsageException} names the offending flag. */
    public static SweepOptions parse(String... args) throws UsageException {
        Flags flags = Flags.parse(FLAGS, args);
        List<String> protocols = new ArrayList<>();
        for (String protocol : words(flags, "protocols")) {
            String upper = protocol.toUpperCase(Locale.ROOT);
            if (!upper.equals("R") && !upper.equals("S")) {
                throw new UsageException("flag --protocols needs R and/or S, got '" + protocol + "'");
            }
            protocols.add(upper);
        }
        List<String> distances = words(flags, "distances");
        for (String distance : distances) {
            MnistSweepRun.distance(distance); // fails early, naming the flag's value
        }
        long[] seeds = seeds(flags);
        return new SweepOptions(flags.isSet("master") || System.getProperty("spark.master") == null ? flags.string("master") : null,
                protocols.stream().sorted().toList(), distances, nonNegative(flags, "lambdas"), nonNegative(flags, "epsilons"),
                nonNegative(flags, "degrees"), seeds, flags.integer("epochs", 1, 10_000), flags.integer("steps", 1, 10_000_000),
                flags.integer("threads", 1, 1024), flags.isSet("quick"), flags.path("out"), flags.path("data"), flags.isSet("help"));
    }

    /** The usage message. */
    public static String usage() {
        return Flags.usage(COMMAND, SUMMARY, FLAGS);
    }

    private static List<String> words(Flags flags, String name) throws UsageException {
        List<String> words = new ArrayList<>();
        for (String part : flags.string(name).split(",", -1)) {
            String word = part.strip().toLowerCase(Locale.ROOT);
            if (word.isEmpty() || words.contains(word)) {
                throw new UsageException("flag --" + name + " needs distinct comma-separated values, got '" + flags.string(name) + "'");
            }
            words.add(word);
        }
        return words;
    }

    private static long[] seeds(Flags flags) throws UsageException {
        List<String> words = words(flags, "seeds");
        long[] seeds = new long[words.size()];
        for (int i = 0; i < seeds.length; i++) {
            try {
                seeds[i] = Long.parseLong(words.get(i));
            } catch (NumberFormatException e) {
                throw new UsageException("flag --seeds needs comma-separated integers, got '" + flags.string("seeds") + "'");
            }
        }
        return seeds;
    }

    private static List<Double> numbers(Flags flags, String name) throws UsageException {
        List<Double> numbers = new ArrayList<>();
        for (String word : words(flags, name)) {
            try {
                numbers.add(Double.parseDouble(word));
            } catch (NumberFormatException e) {
                throw new UsageException("flag --" + name + " needs comma-separated numbers, got '" + flags.string(name) + "'");
            }
        }
        return numbers;
    }

    private static List<Double> nonNegative(Flags flags, String name) throws UsageException {
        List<Double> numbers = numbers(flags, name);
        for (double number : numbers) {
            if (!(number >= 0) || Double.isInfinite(number)) {
                throw new UsageException("flag --" + name + " needs finite numbers >= 0, got " + number);
            }
        }
        return numbers;
    }
}
