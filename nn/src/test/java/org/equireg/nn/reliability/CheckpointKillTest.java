package org.equireg.nn.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.equireg.core.Tensor;
import org.equireg.nn.Checkpoint;
import org.equireg.nn.Module;
import org.equireg.nn.SGD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM ({@link CheckpointWriter}) with SIGKILL at random moments while it rewrites one
 * checkpoint in a loop; after every kill the checkpoint must load and hold exactly one complete
 * save, the leftover temporary files must not stop the next writer or the loader, and one clean
 * save at the end must leave none of them behind.
 */
class CheckpointKillTest {
    private static final int ROUNDS = 20;
    private static final int MIN_ROUNDS = 5;
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final int MAX_DELAY_MILLIS = 200;

    @TempDir
    Path directory;

    @Test
    void aKilledSaveLeavesTheLastCompleteCheckpoint() throws Exception {
        Path path = directory.resolve("model.ckpt");
        SplittableRandom random = new SplittableRandom(7);
        long start = System.nanoTime();
        int rounds = 0;
        int killedMidWrite = 0;
        // At least MIN_ROUNDS kills however slow the machine; more while the time budget lasts.
        for (int round = 1; round <= ROUNDS && (round <= MIN_ROUNDS || System.nanoTime() - start < BUDGET_NANOS); round++) {
            long lastReported = killDuringSaves(path, round, random.nextInt(MAX_DELAY_MILLIS));
            long loaded = loadAndCheck(path);
            // The loaded save is one the child completed, or the one it was renaming when killed.
            assertTrue(loaded >= lastReported && loaded <= lastReported + 1,
                    "round " + round + ": loaded save " + loaded + ", child last reported " + lastReported);
            assertEquals(round, loaded / 1_000_000L, "round " + round + ": the checkpoint is from another child");
            // Each writer removes the temporary files of the dead ones before it; only the last kill's may remain.
            List<Path> left = temporaryFiles();
            assertTrue(left.size() <= 1, "round " + round + ": temporary files pile up: " + left);
            killedMidWrite += left.size();
            rounds++;
        }
        int leftBehind = temporaryFiles().size();
        // One clean save removes the last killed writer's temporary file, if it left one.
        Module model = CheckpointWriter.model();
        Checkpoint.save(path, model, CheckpointWriter.optimizer(model));
        assertEquals(List.of(), temporaryFiles(), "temporary files of killed writers survived a clean save");
        System.out.println("CheckpointKillTest: " + rounds + " kills, " + killedMidWrite + " of them mid-write (a temporary"
                + " file left), each removed by the next writer; " + leftBehind + " left before the final save, none after;"
                + " all checkpoints intact");
    }

    /** Starts a writer, waits for its first save, lets it run {@code delayMillis}, kills it; returns its last reported save. */
    private long killDuringSaves(Path path, int round, int delayMillis) throws Exception {
        Process child = new ProcessBuilder(javaBinary(), "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), CheckpointWriter.class.getName(),
                path.toString(), Integer.toString(round))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            List<Long> reported = new ArrayList<>();
            Thread reader = new Thread(() -> readSaves(child, reported));
            reader.start();
            synchronized (reported) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (reported.isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
                    reported.wait(100);
                }
                assertTrue(!reported.isEmpty(), "round " + round + ": the child never completed a save");
            }
            Thread.sleep(delayMillis);
            // Through the handle: Process.destroyForcibly also closes our end of the child's stdout, and
            // the "saved" lines still in the pipe would be lost to a reader that lags behind (a busy machine).
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "round " + round + ": the killed child did not exit");
            reader.join(TimeUnit.SECONDS.toMillis(30));
            synchronized (reported) {
                return reported.get(reported.size() - 1);
            }
        } finally {
            child.destroyForcibly();
        }
    }

    private static void readSaves(Process child, List<Long> reported) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("saved ")) {
                    synchronized (reported) {
                        reported.add(Long.parseLong(line.substring("saved ".length())));
                        reported.notifyAll();
                    }
                }
            }
        } catch (IOException killed) {
            // The pipe breaks when the child dies; what was read so far is the answer.
        }
    }

    /** Loads the checkpoint and returns its save number, failing unless every value equals it. */
    private static long loadAndCheck(Path path) throws IOException {
        Module model = CheckpointWriter.model();
        SGD optimizer = CheckpointWriter.optimizer(model);
        Checkpoint.load(path, model, optimizer);
        double expected = optimizer.learningRate();
        for (Map.Entry<String, Tensor> entry : model.stateDict().entrySet()) {
            double[] values = entry.getValue().buffer();
            for (int i = 0; i < values.length; i++) {
                if (values[i] != expected) {
                    throw new AssertionError(entry.getKey() + "[" + i + "] = " + values[i] + " in save " + (long) expected);
                }
            }
        }
        return (long) expected;
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElseThrow(() -> new AssertionError("no java command"));
    }
}
