package org.equireg.examples.sparkbench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.equireg.examples.mnist.MnistSweepRun;
import org.equireg.spark.parallel.DataParallelTrainer;
import org.equireg.spark.parallel.SequentialTrainer;
import org.equireg.spark.parallel.TrainingResult;
import org.equireg.spark.parallel.Transport;
import org.equireg.spark.sweep.Settings;
import org.equireg.spark.sweep.Sweep;

/**
 * The module's measurements, one line of results each (run by {@code scripts/bench/spark.sh}, which
 * builds the Spark home {@code local-cluster} needs):
 *
 * <ul>
 *   <li>{@code sweep EXECUTORS RUNS STEPS}: RUNS MNIST protocol-S runs (KL at unlabeled images, STEPS
 *       steps, seeds 1..RUNS) as a sweep on {@code local-cluster[EXECUTORS,1,3072]}: runs per minute.</li>
 *   <li>{@code loop RUNS STEPS}: the same runs in a plain loop in this JVM: seconds per run.</li>
 *   <li>{@code dp MODEL WORKERS STEPS}: data-parallel training of cnn-digits or cnn28 on
 *       {@code local-cluster[WORKERS,1,3072]}, with each {@link Transport} (the all-gather through the driver,
 *       the all-reduce between the tasks), against one process doing the same shards: median step time and
 *       exchange time, bytes rank 0 sends and receives per step.</li>
 * </ul>
 */
public final class SparkBench {
    /** Steps one process trains before it is timed. */
    private static final int WARM_UP_STEPS = 3;

    private SparkBench() {
    }

    /** Runs one measurement; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: sweep EXECUTORS RUNS STEPS | loop RUNS STEPS | dp MODEL WORKERS STEPS");
        }
        switch (args[0]) {
            case "sweep" -> sweep(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "loop" -> loop(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "dp" -> dataParallel(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("unknown measurement '" + args[0] + "'; use sweep, loop or dp");
        }
    }

    private static Settings settings() {
        return Settings.of("protocol", "S", "distance", "kl", "lambda", 1.0, "epsilon", 0.0, "degrees", 15.0);
    }

    private static MnistSweepRun function(int steps) {
        return new MnistSweepRun(Path.of("data").toAbsolutePath().toString(), false, 1, steps);
    }

    private static void sweep(int executors, int runs, int steps) throws Exception {
        SparkSession spark = cluster(executors);
        try {
            Path output = Files.createTempDirectory("equireg-bench-sweep");
            long[] seeds = java.util.stream.LongStream.rangeClosed(1, runs).toArray();
            long start = System.nanoTime();
            Sweep.of(List.of(settings()), function(steps)).seeds(seeds).output(output).parquet(false)
                    .log(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run(spark);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "sweep: %d executors, %d runs of %d steps: %.1f s, %.2f runs/min, %.2f s per run%n", executors, runs,
                    steps, seconds, runs / seconds * 60, seconds / runs);
        } finally {
            spark.stop();
        }
    }

    private static void loop(int runs, int steps) throws Exception {
        MnistSweepRun function = function(steps);
        long start = System.nanoTime();
        for (long seed = 1; seed <= runs; seed++) {
            function.run(settings(), seed);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "loop: %d runs of %d steps in one JVM: %.1f s, %.2f runs/min, %.2f s per run%n", runs, steps, seconds,
                runs / seconds * 60, seconds / runs);
    }

    private static void dataParallel(String model, int workers, int steps) throws Exception {
        CnnProblem problem = CnnProblem.named(model);
        long parameters = problem.model().parameterCount();
        SequentialTrainer.train(problem, workers, WARM_UP_STEPS); // the JIT's first compilations, as the tasks' median skips them
        long start = System.nanoTime();
        SequentialTrainer.train(problem, workers, steps);
        double oneProcess = (System.nanoTime() - start) / 1e9 / steps;
        System.out.printf(Locale.ROOT, "dp %s (%d parameters): one process, %d shards in turn: %.1f ms per step (mean of %d steps after warm-up)%n", model,
                parameters, workers, 1e3 * oneProcess, steps);
        SparkSession spark = cluster(workers);
        try {
            for (Transport transport : Transport.values()) {
                Path folder = Files.createTempDirectory("equireg-bench-dp");
                TrainingResult result = DataParallelTrainer.of(problem).workers(workers).steps(steps).transport(transport)
                        .checkpoints(folder).train(spark);
                System.out.printf(Locale.ROOT, "dp %s, %d workers, %s: median step %.1f ms (exchange %.1f ms), per step rank 0 sends %d bytes"
                                + " and receives %d, speed-up over one process %.2f%n", model, workers, transport, 1e3 * result.medianStepSeconds(),
                        1e3 * result.medianExchangeSeconds(), result.sentBytesPerStep(), result.receivedBytesPerStep(),
                        oneProcess / result.medianStepSeconds());
            }
        } finally {
            spark.stop();
        }
    }

    /**
     * {@code local-cluster[executors,1,3072]}: a master and workers in this JVM, each executor a JVM of its
     * own with a 2 GB heap (a training run in a small heap spends its time collecting garbage).
     */
    private static SparkSession cluster(int executors) {
        List<String> flags = new ArrayList<>(Arrays.asList("--add-modules=jdk.incubator.vector", "-Dequireg.threads=1"));
        return SparkSession.builder().master("local-cluster[" + executors + ",1,3072]").appName("equireg-spark bench")
                .config("spark.ui.enabled", "false").config("spark.executor.memory", "2g")
                .config("spark.executor.extraJavaOptions", String.join(" ", flags)).getOrCreate();
    }
}
