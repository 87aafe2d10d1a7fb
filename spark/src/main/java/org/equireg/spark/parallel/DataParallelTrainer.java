package org.equireg.spark.parallel;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.SparkSession;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Data-parallel training in one Spark barrier stage: {@code workers} tasks start together, each
 * computes the gradient of its shard ({@link DataParallelProblem#objective}), the gradients are
 * summed in rank order (by an all-reduce over TCP between the tasks, or through the driver with
 * {@link org.apache.spark.BarrierTaskContext#allGather(String)}: see {@link Transport}) and every
 * task takes the same optimizer step. The sum's order is fixed, so the weights are bit-identical to
 * {@link SequentialTrainer} over the same shards, on any cluster.
 *
 * <pre>{@code
 * TrainingResult result = DataParallelTrainer.of(problem).workers(2).steps(500).checkpointEvery(50)
 *         .checkpoints(Path.of("/shared/run1")).train(spark);
 * }</pre>
 *
 * <p><b>Failures.</b> Rank 0 checkpoints the model and optimizer every k steps into the checkpoint
 * folder (a path every executor can read and rank 0 can write: a shared mount on a real cluster).
 * When a task fails, Spark restarts the whole barrier stage (up to
 * {@code spark.stage.maxConsecutiveAttempts} times, default 4); every task then resumes from the
 * newest checkpoint, so at most k steps are computed again, and because the problem is
 * deterministic in (step, shard) the result equals a run that never failed. The stage needs
 * {@code workers} free task slots at once.
 */
public final class DataParallelTrainer {
    private final DataParallelProblem problem;
    private int workers = 2;
    private long steps = 100;
    private long checkpointEvery = 0;
    private Path checkpoints;
    private Transport transport = Transport.ALL_REDUCE;

    private DataParallelTrainer(DataParallelProblem problem) {
        this.problem = problem;
    }

    /** A trainer for {@code problem}. */
    public static DataParallelTrainer of(DataParallelProblem problem) {
        if (problem == null) {
            throw new IllegalArgumentException("DataParallelTrainer.of: the problem is null");
        }
        return new DataParallelTrainer(problem);
    }

    /** Tasks, one shard each (default 2). Returns this. */
    public DataParallelTrainer workers(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("DataParallelTrainer.workers: needs at least 1, got " + workers);
        }
        this.workers = workers;
        return this;
    }

    /** Total optimizer steps (default 100). Returns this. */
    public DataParallelTrainer steps(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("DataParallelTrainer.steps: needs at least 1, got " + steps);
        }
        this.steps = steps;
        return this;
    }

    /** Rank 0 saves a checkpoint after every {@code k} steps (0: never; a failure then restarts from step 0). Returns this. */
    public DataParallelTrainer checkpointEvery(long k) {
        if (k < 0) {
            throw new IllegalArgumentException("DataParallelTrainer.checkpointEvery: needs k >= 0, got " + k);
        }
        this.checkpointEvery = k;
        return this;
    }

    /**
     * The folder for checkpoints and {@code final.safetensors} (required). An existing checkpoint in
     * it is resumed from, so a new training needs a new folder. Returns this.
     */
    public DataParallelTrainer checkpoints(Path folder) {
        this.checkpoints = folder;
        return this;
    }

    /** How gradients travel between the tasks (default {@link Transport#ALL_REDUCE}). Returns this. */
    public DataParallelTrainer transport(Transport transport) {
        if (transport == null) {
            throw new IllegalArgumentException("DataParallelTrainer.transport: null; use Transport.ALL_REDUCE or Transport.ALL_GATHER");
        }
        this.transport = transport;
        return this;
    }

    /** Runs the barrier stage and returns when the last step is done (or throws when the stage failed for good). */
    public TrainingResult train(SparkSession spark) {
        if (checkpoints == null) {
            throw new IllegalStateException("DataParallelTrainer.train: set the checkpoint folder with checkpoints(Path)");
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Path finalFile = checkpoints.resolve("final.safetensors");
        JavaRDD<Integer> ranks = context.parallelize(IntStream.range(0, workers).boxed().toList(), workers);
        ClassTag<RankSummary> tag = ClassTag$.MODULE$.apply(RankSummary.class);
        RDD<RankSummary> stage = ranks.rdd().barrier()
                .mapPartitions(new RankTask(problem, steps, checkpointEvery, checkpoints, finalFile, transport), false, tag);
        context.setJobDescription("equireg data-parallel training, " + workers + " workers, " + steps + " steps");
        List<RankSummary> summaries;
        try {
            // A shuffle after the barrier stage makes it a map stage, which Spark retries as a whole after a
            // failure; a barrier result stage is never retried (its output might be half committed).
            summaries = new JavaRDD<>(stage, tag).repartition(1).collect();
        } finally {
            context.setJobDescription(null);
        }
        RankSummary first = summaries.stream().min(Comparator.comparingInt(RankSummary::rank)).orElseThrow();
        return new TrainingResult(finalFile, workers, steps, first.startStep(), first.attempt() + 1, first.objectives(), transport,
                first.sentBytes(), first.receivedBytes(),
                median(first.stepSeconds()), median(first.exchangeSeconds()));
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
