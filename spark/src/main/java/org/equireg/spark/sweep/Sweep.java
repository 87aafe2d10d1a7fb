package org.equireg.spark.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * A sweep: every settings of a grid (or list) times every seed, each run a Spark job of one task
 * calling the user's {@link RunFunction}.
 *
 * <pre>{@code
 * SweepResult result = Sweep.of(Grid.axis("lambda", 0.3, 1.0).and("distance", "kl", "ce_logits").settings(), function)
 *         .seeds(1, 2, 3).output(Path.of("reports/sweep")).run(spark);
 * result.runs().show();
 * }</pre>
 *
 * <p><b>Nothing is lost.</b> The driver writes each run to {@code output/runs/<id>.properties} the
 * moment its job returns (atomically, see {@link RunStore}), so stopping the driver loses only the
 * runs in flight. A rerun with the same output folder skips every run whose file says OK and runs
 * the others (failed runs are tried again). A run that throws is recorded as FAILED with its error;
 * the other runs go on. Spark's task retries (a lost executor) cannot duplicate a row: a job
 * returns one result per run, and a run's file is named by its id.
 *
 * <p>At the end the driver writes {@code results.csv}, {@code results.parquet} (through Spark, so on
 * a cluster the output folder must be a path every executor can write, such as a shared mount) and
 * {@code report.html}. Runs are written by the driver alone, so the {@code runs/} folder only needs
 * to be on the driver's disk.
 */
public final class Sweep {
    private final List<Settings> settings;
    private final RunFunction function;
    private long[] seeds = {1};
    private Path output = Path.of("reports", "sweep");
    private String title = "equireg sweep";
    private String primaryMetric;
    private PrintStream log = System.out;
    private boolean parquet = true;

    private Sweep(List<Settings> settings, RunFunction function) {
        this.settings = List.copyOf(settings);
        this.function = function;
    }

    /** A sweep over {@code settings} (distinct, with the same setting names) running {@code function}. */
    public static Sweep of(List<Settings> settings, RunFunction function) {
        if (function == null) {
            throw new IllegalArgumentException("Sweep.of: the run function is null");
        }
        if (settings == null || settings.isEmpty()) {
            throw new IllegalArgumentException("Sweep.of: no settings to run, got " + settings);
        }
        List<String> names = settings.get(0).names();
        for (Settings one : settings) {
            if (!one.names().equals(names)) {
                throw new IllegalArgumentException("Sweep.of: settings " + one + " have names " + one.names() + ", the first " + names);
            }
            for (String name : names) { // one column type per setting
                Class<?> type = one.get(name).getClass();
                Class<?> first = settings.get(0).get(name).getClass();
                if (type != first) {
                    throw new IllegalArgumentException("Sweep.of: setting '" + name + "' is a " + type.getSimpleName() + " in " + one + " but a "
                            + first.getSimpleName() + " in " + settings.get(0) + "; give every value of a setting one type (1.0, not 1)");
                }
            }
        }
        if (settings.stream().distinct().count() != settings.size()) {
            throw new IllegalArgumentException("Sweep.of: the settings list holds duplicates: " + settings);
        }
        return new Sweep(settings, function);
    }

    /** The seeds, each run once per settings (default: 1). Returns this. */
    public Sweep seeds(long... seeds) {
        if (seeds == null || seeds.length == 0 || Arrays.stream(seeds).distinct().count() != seeds.length) {
            throw new IllegalArgumentException("Sweep.seeds: need distinct seeds, got " + Arrays.toString(seeds));
        }
        this.seeds = seeds.clone();
        return this;
    }

    /** The output folder (default {@code reports/sweep}). Returns this. */
    public Sweep output(Path output) {
        this.output = output;
        return this;
    }

    /** The report's title. Returns this. */
    public Sweep title(String title) {
        this.title = title;
        return this;
    }

    /** The metric the report ranks configurations by, higher is better (default: the first metric). Returns this. */
    public Sweep primaryMetric(String metric) {
        this.primaryMetric = Settings.checkedName(metric);
        return this;
    }

    /** Where progress lines go (default: standard output). Returns this. */
    public Sweep log(PrintStream log) {
        this.log = log;
        return this;
    }

    /** Whether to write {@code results.parquet} (default true). Returns this. */
    public Sweep parquet(boolean parquet) {
        this.parquet = parquet;
        return this;
    }

    /** The runs of the sweep, settings-major, then seeds. */
    public List<RunKey> keys() {
        List<RunKey> keys = new ArrayList<>();
        for (Settings one : settings) {
            for (long seed : seeds) {
                keys.add(RunKey.of(one, seed));
            }
        }
        return keys;
    }

    /**
     * Runs what is not finished yet, then writes the tables and the report.
     *
     * @throws UncheckedIOException when the output folder cannot be written
     */
    public SweepResult run(SparkSession spark) {
        try {
            return runChecked(spark);
        } catch (IOException e) {
            throw new UncheckedIOException("Sweep: cannot write to " + output.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private SweepResult runChecked(SparkSession spark) throws IOException {
        long start = System.nanoTime();
        RunStore store = new RunStore(output);
        Map<String, RunRecord> earlier = store.readAll();
        List<RunKey> keys = keys();
        List<RunKey> pending = keys.stream().filter(key -> !(earlier.containsKey(key.id()) && earlier.get(key.id()).ok())).toList();
        int skipped = keys.size() - pending.size();
        log.printf("[sweep] %d runs (%d settings x %d seeds): %d finished before, %d to run; output %s%n", keys.size(), settings.size(),
                seeds.length, skipped, pending.size(), output.toAbsolutePath());
        Map<String, RunRecord> finished = new LinkedHashMap<>(earlier);
        SweepProgress progress = new SweepProgress(log, keys.size(), skipped, System::nanoTime);
        for (RunRecord record : submitAndCollect(spark, pending, store, progress)) {
            finished.put(record.key().id(), record);
        }
        List<RunRecord> records = keys.stream().map(key -> finished.get(key.id())).toList();
        SweepTable table = new SweepTable(records);
        Dataset<Row> runs = spark.createDataFrame(table.rows(), table.schema());
        SweepFiles.writeAtomically(output.resolve("results.csv"), table.csv());
        if (parquet) {
            runs.coalesce(1).write().mode(SaveMode.Overwrite).parquet(output.resolve("results.parquet").toAbsolutePath().toUri().toString());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        SweepFiles.writeAtomically(output.resolve("report.html"),
                SweepReport.html(title, table, primaryMetric, seeds.length, skipped, pending.size(), seconds, environment(spark)));
        int failed = (int) records.stream().filter(record -> !record.ok()).count();
        log.printf("[sweep] done: %d ok, %d failed, %d skipped as finished; %s; report %s%n", records.size() - failed, failed, skipped,
                SweepProgress.duration(seconds), output.resolve("report.html").toAbsolutePath());
        return new SweepResult(runs, table, output, skipped, pending.size(), failed);
    }

    /**
     * Submits one job per run (Spark runs as many at once as it has task slots) and writes each
     * record as its job returns. A job that fails as a whole (the task failed on every attempt, or
     * the function could not be serialized) becomes a FAILED record with Spark's error.
     */
    private List<RunRecord> submitAndCollect(SparkSession spark, List<RunKey> pending, RunStore store, SweepProgress progress)
            throws IOException {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        RunTask task = new RunTask(function);
        List<RunKey> waiting = new ArrayList<>();
        List<JavaFutureAction<List<RunRecord>>> jobs = new ArrayList<>();
        for (RunKey key : pending) {
            context.setJobDescription("equireg sweep run " + key.label());
            jobs.add(context.parallelize(List.of(key), 1).map(task).collectAsync());
            waiting.add(key);
        }
        context.setJobDescription(null);
        List<RunRecord> records = new ArrayList<>();
        while (!jobs.isEmpty()) {
            boolean any = false;
            for (int i = jobs.size() - 1; i >= 0; i--) {
                if (jobs.get(i).isDone()) {
                    RunRecord record = outcome(waiting.get(i), jobs.get(i));
                    store.write(record);
                    progress.finished(record);
                    records.add(record);
                    jobs.remove(i);
                    waiting.remove(i);
                    any = true;
                }
            }
            if (!any) {
                pause();
            }
        }
        return records;
    }

    private static RunRecord outcome(RunKey key, JavaFutureAction<List<RunRecord>> job) {
        try {
            return job.get().get(0);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new RunRecord(key, RunRecord.Status.FAILED, "Spark job failed: " + RunTask.describe(cause), 0, null, Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Sweep: interrupted while waiting for run " + key.label(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Sweep: interrupted while waiting for runs", e);
        }
    }

    /** How often the driver looks for finished jobs: far below a run's length, far above the poll's cost. */
    private static final long POLL_MILLIS = 100;

    private static String environment(SparkSession spark) {
        return String.format(java.util.Locale.ROOT, "Spark %s, master %s, default parallelism %d; driver Java %s", spark.version(),
                spark.sparkContext().master(), spark.sparkContext().defaultParallelism(), System.getProperty("java.version"));
    }
}
