package org.equireg.examples.digits;

import java.nio.file.Path;
import java.util.List;
import org.equireg.core.DType;
import org.equireg.examples.cli.Flag;
import org.equireg.examples.cli.Flags;
import org.equireg.examples.cli.UsageException;

/**
 * The digits demo's settings, from the command line.
 *
 * @param epochs  passes over the training set, the same for every run
 * @param lambda  regularizer weight of runs 2 and 3 (run 4 keeps its tuned setting, see {@link RunSpec#best})
 * @param samples regularizer samples per training step in runs 2 and 3 (box draws, or images of the batch)
 * @param seed    fixes the split, the initial weights, the batch order and the regularizer's draws
 * @param threads worker threads of the library's kernels ({@code equireg.threads})
 * @param out     folder for report.html, table.txt and history.csv
 * @param data    the digits CSV (gzip)
 * @param dtype   the element type of the models, the images and the regularizer's points
 * @param help    print usage and exit
 */
public record DemoOptions(int epochs, double lambda, int samples, long seed, int threads, Path out, Path data, DType dtype,
                          boolean help) {

    /** The command as a user types it, for the usage line. */
    public static final String COMMAND = "java --add-modules jdk.incubator.vector -jar examples/target/equireg-examples.jar";

    /** What the program does, for the usage message. */
    public static final String SUMMARY = "Trains a small CNN on the UCI 8x8 digits four times with the same seed and budget: a baseline,\n"
            + "the rotation-invariance regularizer (f_in in {rot90, rot180, rot270}, f_out = identity) sampling\n"
            + "the box [0,1], the same sampling the training batches, and the best setting found. Prints a table,\n"
            + "writes report.html, table.txt and history.csv to the output folder.";

    /** The flags and their defaults. */
    public static final List<Flag> FLAGS = List.of(
            Flag.option("epochs", "N", "8", "passes over the training set, per run"),
            Flag.option("lambda", "X", "0.1", "regularizer weight of runs 2 and 3"),
            Flag.option("samples", "N", "32", "regularizer samples per step in runs 2 and 3 (run 3: at most the batch of 32)"),
            Flag.option("seed", "N", "1", "seed of the split, initial weights, batch order and samples"),
            Flag.option("threads", "N", String.valueOf(Runtime.getRuntime().availableProcessors()), "kernel worker threads"),
            Flag.option("out", "DIR", "reports/digits", "output folder"),
            Flag.option("data", "PATH", "data/digits.csv.gz", "the digits CSV (gzip), relative to the working directory"),
            Flag.option("dtype", "TYPE", "float64", "element type of the models and data: float64 or float32"),
            Flag.toggle("help", "print this message and exit"));

    /** Parses the command line; a {@link UsageException} names the offending flag. */
    public static DemoOptions parse(String... args) throws UsageException {
        Flags flags = Flags.parse(FLAGS, args);
        return new DemoOptions(
                flags.integer("epochs", 1, 10_000),
                flags.nonNegative("lambda"),
                flags.integer("samples", 1, 100_000),
                flags.longInteger("seed"),
                flags.integer("threads", 1, 1024),
                flags.path("out"),
                flags.path("data"),
                dtype(flags.string("dtype")),
                flags.isSet("help"));
    }

    private static DType dtype(String name) throws UsageException {
        for (DType dtype : DType.values()) {
            if (dtype.toString().equals(name)) {
                return dtype;
            }
        }
        throw new UsageException("flag --dtype must be float64 or float32, got '" + name + "'");
    }

    /** The usage message. */
    public static String usage() {
        return Flags.usage(COMMAND, SUMMARY, FLAGS);
    }
}
