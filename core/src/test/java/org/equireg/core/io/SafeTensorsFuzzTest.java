package org.equireg.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.equireg.core.SafeTensors;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader under attack (issue 7): mutants of the committed fixtures ({@link SafeTensorsMutator})
 * either load, consistently, or throw an {@link IOException}; never another exception, an
 * {@link OutOfMemoryError} or a hang.
 *
 * <p>Bounded by time: {@code -Dequireg.fuzz.seconds} (default 3) and optionally
 * {@code -Dequireg.fuzz.iterations}; {@code -Dequireg.fuzz.seed} (default 1) picks the sequence.
 * The seeds themselves come first; then input {@code i} depends only on the seed and {@code i}.
 * A failing input is saved under {@code target/fuzz-failures/}; commit it to the corpus as
 * {@code found_*.safetensors} so it is replayed in every run.
 */
class SafeTensorsFuzzTest {
    private static final double SECONDS = Double.parseDouble(System.getProperty("equireg.fuzz.seconds", "3"));
    private static final long ITERATIONS = Long.getLong("equireg.fuzz.iterations", Long.MAX_VALUE);
    private static final long SEED = Long.getLong("equireg.fuzz.seed", 1L);
    /** A read that takes this much longer than the whole budget is a hang. */
    private static final Duration HANG_MARGIN = Duration.ofSeconds(60);
    /** Every this many loaded mutants, also check that writing and reading them back changes nothing. */
    private static final int ROUND_TRIP_EVERY = 50;

    @Test
    void everyMutantLoadsOrThrowsIOException(@TempDir Path directory) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (Path fixture : Fixtures.all()) {
            seeds.add(Files.readAllBytes(fixture));
        }
        Duration budget = Duration.ofMillis((long) (SECONDS * 1000));
        Statistics statistics = assertTimeoutPreemptively(budget.plus(HANG_MARGIN), () -> fuzz(seeds, budget, directory));
        System.out.println(statistics.summary(seeds.size()));
        assertTrue(statistics.loaded > 0 && statistics.rejected > 0, "both outcomes occur: " + statistics.summary(seeds.size()));
    }

    private static Statistics fuzz(List<byte[]> seeds, Duration budget, Path directory) throws IOException {
        Statistics statistics = new Statistics();
        long deadline = System.nanoTime() + budget.toNanos();
        for (long iteration = 0; iteration < ITERATIONS && System.nanoTime() < deadline; iteration++) {
            SplittableRandom random = new SplittableRandom(SEED * 0x9E3779B97F4A7C15L + iteration);
            byte[] bytes = iteration < seeds.size() ? seeds.get((int) iteration) : new SafeTensorsMutator(seeds, random).next();
            // A fresh name each time: ext4 flushes a file truncated and rewritten in place, which is slow.
            Path input = Files.write(directory.resolve("input" + iteration + ".safetensors"), bytes);
            long start = System.nanoTime();
            try {
                SafeTensors.Contents contents = SafeTensors.readContents(input);
                checkConsistent(contents, bytes.length);
                if (statistics.loaded++ % ROUND_TRIP_EVERY == 0) {
                    checkRoundTrip(contents, directory.resolve("round-trip.safetensors"));
                }
            } catch (IOException expected) {
                statistics.reject(expected.getMessage(), input.toString());
            } catch (Throwable unexpected) {
                Path saved = save(bytes, iteration);
                throw new AssertionError("input " + iteration + " of seed " + SEED + " (saved to " + saved + ") threw "
                        + unexpected, unexpected);
            }
            Files.delete(input);
            statistics.inputs++;
            statistics.slowestNanos = Math.max(statistics.slowestNanos, System.nanoTime() - start);
        }
        return statistics;
    }

    /** What loaded makes sense: shapes match sizes, and no tensor is bigger than the file could hold. */
    private static void checkConsistent(SafeTensors.Contents contents, long fileSize) {
        long elements = 0;
        for (Tensor tensor : contents.tensors().values()) {
            long product = 1;
            for (int dim : tensor.shape()) {
                product *= dim;
            }
            assertEquals(product, tensor.size());
            elements += tensor.size();
        }
        assertTrue(elements <= fileSize, elements + " elements from a " + fileSize + "-byte file");
    }

    private static void checkRoundTrip(SafeTensors.Contents contents, Path path) throws IOException {
        SafeTensors.write(path, contents.tensors(), contents.metadata());
        SafeTensors.Contents again = SafeTensors.readContents(path);
        assertEquals(contents.metadata(), again.metadata());
        assertEquals(List.copyOf(contents.tensors().keySet()), List.copyOf(again.tensors().keySet()));
        for (Map.Entry<String, Tensor> entry : contents.tensors().entrySet()) {
            Tensor read = again.tensors().get(entry.getKey());
            assertArrayEquals(entry.getValue().shape(), read.shape());
            assertArrayEquals(entry.getValue().toArray(), read.toArray());
        }
    }

    private static Path save(byte[] bytes, long iteration) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "fuzz-failures"));
        return Files.write(directory.resolve("seed" + SEED + "-input" + iteration + ".safetensors"), bytes).toAbsolutePath();
    }

    /** Counts of outcomes, and of rejection messages with names and numbers blanked out. */
    private static final class Statistics {
        long inputs;
        long loaded;
        long rejected;
        long slowestNanos;
        final Map<String, Integer> reasons = new HashMap<>();

        void reject(String message, String path) {
            rejected++;
            String reason = message.replace("malformed safetensors file " + path + ": ", "")
                    .replaceAll("\"[^\"]*\"", "\"_\"").replaceAll("'.'|U\\+[0-9A-F]{4}", "C").replaceAll("-?\\d+", "#");
            reasons.merge(reason.length() > 90 ? reason.substring(0, 90) : reason, 1, Integer::sum);
        }

        String summary(int seedCount) {
            StringBuilder text = new StringBuilder(String.format(
                    "safetensors fuzz: seed %d, %d seed files, %d inputs in %.1f s budget: %d loaded, %d rejected "
                    + "with IOException, %d distinct reasons, slowest read %.1f ms%n",
                    SEED, seedCount, inputs, SECONDS, loaded, rejected, reasons.size(), slowestNanos / 1e6));
            reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                    .limit(10).forEach(reason -> text.append(String.format("%8d  %s%n", reason.getValue(), reason.getKey())));
            return text.toString();
        }
    }
}
