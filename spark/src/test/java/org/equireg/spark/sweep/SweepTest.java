package org.equireg.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.equireg.spark.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps in {@code local[2,4]}: the function runs in the test's JVM, so static counters see every call. */
class SweepTest {
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @TempDir
    Path output;

    /** accuracy = lambda / 10 + seed / 1000; throws for lambda 3 (a run that fails). */
    private static Map<String, Double> train(String test, Settings settings, long seed) {
        CALLS.computeIfAbsent(test, key -> new AtomicInteger()).incrementAndGet();
        double lambda = settings.number("lambda");
        if (lambda == 3) {
            throw new IllegalStateException("diverged at lambda " + lambda);
        }
        Map<String, Double> metrics = new LinkedHashMap<>(); // ordered: the columns follow the function's order
        metrics.put("accuracy", lambda / 10 + seed / 1000.0);
        metrics.put("loss", 1 - lambda / 10);
        return metrics;
    }

    @Test
    void everyRunIsRecordedAFailureWithItsErrorAndARerunSkipsFinishedRuns() throws IOException {
        List<Settings> grid = Grid.axis("distance", "kl", "l2").and("lambda", 1.0, 3.0).settings();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Sweep sweep = Sweep.of(grid, (settings, seed) -> train("rerun", settings, seed)).seeds(1, 2).output(output)
                .title("test sweep").primaryMetric("accuracy").log(new PrintStream(log, true, StandardCharsets.UTF_8));
        SweepResult first = sweep.run(LocalSpark.session());

        assertEquals(8, first.runs().count());
        assertEquals(8, first.ran());
        assertEquals(4, first.failed());
        assertEquals(8, CALLS.get("rerun").get());
        List<Row> failed = first.runs().filter("status = 'FAILED'").collectAsList();
        assertEquals(4, failed.size());
        assertTrue(failed.get(0).<String>getAs("error").contains("IllegalStateException: diverged at lambda 3.0"),
                failed.get(0).<String>getAs("error"));
        Row best = first.runs().filter("status = 'OK' and distance = 'l2' and seed = 2").first();
        assertEquals(1.0 / 10 + 2 / 1000.0, best.<Double>getAs("accuracy"));
        String progress = log.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("[sweep] 8/8 runs done (4 failed)"), progress);
        assertTrue(progress.contains("ETA"), progress);

        List<String> csv = Files.readAllLines(output.resolve("results.csv"));
        assertTrue(csv.get(0).startsWith("run_id,distance,lambda,seed,status,error,seconds,host,accuracy,loss"), csv.get(0));
        assertEquals(8, csv.stream().filter(line -> line.matches("[0-9a-f]{16},.*")).count(), "eight rows (errors span lines)");
        String report = Files.readString(output.resolve("report.html"));
        assertTrue(report.contains("accuracy against lambda") && report.contains("accuracy against distance"), report);
        assertEquals(8, LocalSpark.session().read().parquet(output.resolve("results.parquet").toString()).count());
        try (var files = Files.list(output.resolve("runs"))) {
            assertEquals(8, files.count());
        }

        SweepResult second = sweep.run(LocalSpark.session());
        assertEquals(4, second.skipped(), "the four OK runs are not run again");
        assertEquals(4, second.ran(), "the four failed runs are tried again");
        assertEquals(12, CALLS.get("rerun").get());
        assertEquals(8, second.runs().count());
    }
}
