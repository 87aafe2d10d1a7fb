package org.equireg.examples.mnist;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.equireg.examples.cli.UsageException;
import org.equireg.spark.sweep.Grid;
import org.equireg.spark.sweep.Settings;
import org.equireg.spark.sweep.Sweep;
import org.equireg.spark.sweep.SweepResult;

/**
 * The MNIST sweep on Apache Spark: for each protocol (R: robustness with all labels, S: 100 labels
 * plus unlabeled images), the study's regularized run over distance x lambda x epsilon x rotation
 * range x seeds, one Spark task per run ({@link MnistSweepRun}); each protocol's results go to
 * {@code <out>/R} and {@code <out>/S} (runs/, results.csv, results.parquet, report.html). Protocol
 * R's report ranks by accuracy at 45 degrees, S's by upright accuracy.
 *
 * <p>Exit status: 0 when every run finished (even if some failed: they are in the results), 1 when
 * the sweep could not run, 2 for a bad command line.
 */
public final class MnistSweep {
    /** Executor heap unless spark.executor.memory is set: two runs in 768 MB heaps ran no faster than one. */
    static final String EXECUTOR_MEMORY = "2g";

    private MnistSweep() {
    }

    /** Runs the sweep with the command-line flags (see {@code --help}) and exits with its status. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The sweep; returns the exit status instead of exiting, so tests can call it. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        SweepOptions options;
        try {
            options = SweepOptions.parse(args);
        } catch (UsageException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(SweepOptions.usage());
            return 2;
        }
        if (options.help()) {
            out.print(SweepOptions.usage());
            return 0;
        }
        Path images = options.data().resolve("mnist10k-images-idx3-ubyte.gz");
        if (!Files.isRegularFile(images)) {
            err.println("error: " + images.toAbsolutePath() + ": MNIST data not found; run from the repository root or pass --data DIR");
            return 1;
        }
        // In local mode the runs share this JVM: one kernel thread each, set before the kernels' first use.
        System.setProperty("equireg.threads", String.valueOf(options.threads()));
        SparkSession spark = session(options);
        try {
            for (String protocol : options.protocols()) {
                SweepResult result = sweep(options, protocol, out).run(spark);
                out.printf(Locale.ROOT, "protocol %s: %d runs, %d failed; %s%n", protocol, result.table().records().size(), result.failed(),
                        result.output().resolve("report.html"));
            }
            return 0;
        } catch (RuntimeException e) {
            err.println("error: the sweep failed: " + e);
            return 1;
        } finally {
            spark.stop();
        }
    }

    /** One protocol's sweep, its progress lines on {@code out}. */
    static Sweep sweep(SweepOptions options, String protocol, PrintStream out) {
        List<Settings> grid = Grid.axis("protocol", protocol).and("distance", options.distances().toArray())
                .and("lambda", options.lambdas().toArray()).and("epsilon", options.epsilons().toArray())
                .and("degrees", options.degrees().toArray()).settings();
        MnistSweepRun function = new MnistSweepRun(options.data().toAbsolutePath().toString(), options.quick(), options.epochs(),
                options.steps());
        String what = "R".equals(protocol)
                ? String.format(Locale.ROOT, "protocol R (all labels, the regularizer at the training batch, %d epochs)", options.quick() ? 1 : options.epochs())
                : String.format(Locale.ROOT, "protocol S (100 labels, the regularizer at unlabeled images, %d steps)", options.quick() ? 3 : options.steps());
        return Sweep.of(grid, function).seeds(options.seeds()).output(options.out().resolve(protocol))
                .title("equireg MNIST sweep: " + what + (options.quick() ? " (quick smoke run: numbers meaningless)" : ""))
                .primaryMetric("R".equals(protocol) ? "accuracy_45" : "accuracy").log(out);
    }

    private static SparkSession session(SweepOptions options) {
        SparkSession.Builder builder = SparkSession.builder().appName("equireg MNIST sweep");
        if (options.master() != null) {
            builder.master(options.master());
        }
        List<String> executorFlags = new ArrayList<>(List.of("--add-modules=jdk.incubator.vector", "-Dequireg.threads=" + options.threads()));
        builder.config("spark.executor.extraJavaOptions", String.join(" ", executorFlags));
        if (System.getProperty("spark.executor.memory") == null) {
            builder.config("spark.executor.memory", EXECUTOR_MEMORY); // in a smaller heap a run mostly collects garbage
        }
        String jar = ownJar();
        if (jar != null && System.getProperty("spark.jars") == null) {
            builder.config("spark.jars", jar); // executors of a cluster fetch the runs' classes from the driver
        }
        return builder.getOrCreate();
    }

    /** The jar this class was loaded from, or null when it runs from a class folder (tests). */
    private static String ownJar() {
        try {
            Path location = Path.of(MnistSweep.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? location.toString() : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }
}
