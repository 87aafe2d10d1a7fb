package org.equireg.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.equireg.core.DType;
import org.equireg.spark.parallel.ClusterProblems;
import org.equireg.spark.parallel.TrainingResult;
import org.equireg.spark.sweep.Grid;
import org.equireg.spark.sweep.RunFunction;
import org.equireg.spark.sweep.Sweep;
import org.equireg.spark.sweep.SweepResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep and the data-parallel trainer on a real multi-process cluster: Spark's
 * {@code local-cluster[2,1,1024]} starts a master and two workers, each launching an executor in
 * its own JVM. One executor is killed in each part (its JVM halts) to show that a lost task is run
 * again without a duplicate row, and that training resumes from the last checkpoint.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClusterIntegrationTest {
    private static SparkSession cluster;

    @TempDir
    Path folder;

    @BeforeAll
    static void startCluster() throws IOException {
        LocalSpark.stop();
        SparkHome.build(Path.of(System.getenv("SPARK_HOME")));
        String executorFlags = "--add-modules=jdk.incubator.vector -Dequireg.threads=1 " + System.getProperty("spark.test.opens", "");
        cluster = SparkSession.builder().master("local-cluster[2,1,1024]").appName("equireg-spark cluster test")
                .config("spark.ui.enabled", "false")
                .config("spark.executor.memory", "512m")
                .config("spark.executor.extraJavaOptions", executorFlags)
                .config("spark.task.maxFailures", "4")
                .config("spark.scheduler.barrier.maxConcurrentTasksCheck.interval", "2s")
                .getOrCreate();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Test
    void aSweepLosesAnExecutorAndStillGivesOneRowPerRun() {
        RunFunction function = (settings, seed) -> {
            if (seed == 2 && settings.number("lambda") == 1.0 && TaskContext.get().attemptNumber() == 0) {
                Runtime.getRuntime().halt(137); // the executor's JVM dies mid-run
            }
            return Map.of("accuracy", settings.number("lambda") + seed, "pid", (double) ProcessHandle.current().pid());
        };
        SweepResult result = Sweep.of(Grid.axis("lambda", 0.5, 1.0).settings(), function).seeds(1, 2).output(folder.resolve("sweep"))
                .log(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run(cluster);
        assertEquals(4, result.runs().count(), "one row per run, the retried one included");
        assertEquals(0, result.failed());
        List<Row> rows = result.runs().collectAsList();
        assertEquals(3.0, rows.stream().filter(row -> row.<Double>getAs("lambda") == 1.0 && row.<Long>getAs("seed") == 2)
                .findFirst().orElseThrow().<Double>getAs("accuracy"));
        long driver = ProcessHandle.current().pid();
        assertTrue(rows.stream().allMatch(row -> row.<Double>getAs("pid") != driver), "runs ran in executor processes");
        assertEquals(4, cluster.read().parquet(folder.resolve("sweep/results.parquet").toString()).count());
    }

    @Test
    void dataParallelTrainingSurvivesAKilledExecutorBitIdentically() throws IOException {
        TrainingResult result = ClusterProblems.trainWithKilledExecutor(cluster, folder.resolve("train"));
        assertEquals(2, result.attempts(), "the stage ran again after the executor died");
        assertEquals(4, result.resumedFromStep(), "resumed from the checkpoint after step 4 (killed at step 5, k = 2)");
        assertTrue(ClusterProblems.sameAsOneProcess(result, DType.FLOAT64), "weights bit-identical to one process");
    }
}
