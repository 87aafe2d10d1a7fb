package org.equireg.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    @TempDir
    Path folder;

    @Test
    void aRunReadsBackAsWrittenAndRewritingReplacesIt() throws IOException {
        RunStore store = new RunStore(folder);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", 0.1 + 0.2); // not a short decimal: the text must round-trip the bits
        metrics.put("loss", Double.NaN);
        RunKey key = RunKey.of(Settings.of("distance", "kl", "lambda", 0.3, "steps", 7, "augment", true), 42);
        RunRecord record = new RunRecord(key, RunRecord.Status.OK, null, 1.5, "host-a", metrics);
        store.write(record);
        store.write(record);
        RunRecord failed = new RunRecord(RunKey.of(Settings.of("distance", "l2, \"odd\"\nname", "lambda", 1.0, "steps", 7, "augment", false), 1),
                RunRecord.Status.FAILED, "java.lang.IllegalStateException: diverged\n\tat Foo.bar(Foo.java:1)", 0.25, "host-b", Map.of());
        store.write(failed);
        Map<String, RunRecord> read = store.readAll();
        assertEquals(2, read.size());
        RunRecord back = read.get(key.id());
        assertEquals(record.key(), back.key());
        assertEquals(Double.doubleToRawLongBits(0.1 + 0.2), Double.doubleToRawLongBits(back.metrics().get("accuracy")));
        assertTrue(Double.isNaN(back.metrics().get("loss")));
        assertEquals(List.of("accuracy", "loss"), List.copyOf(back.metrics().keySet()));
        assertEquals(failed.error(), read.get(failed.key().id()).error());
        assertEquals(failed.key(), read.get(failed.key().id()).key());
        try (Stream<Path> files = Files.list(store.folder())) {
            assertEquals(2, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void aFileWhoseIdDoesNotMatchItsSettingsIsRejectedByName() throws IOException {
        RunStore store = new RunStore(folder);
        RunKey key = RunKey.of(Settings.of("lambda", 1.0), 1);
        store.write(new RunRecord(key, RunRecord.Status.OK, null, 1, "h", Map.of("accuracy", 0.5)));
        Path file = store.folder().resolve(key.id() + ".properties");
        Files.writeString(file, Files.readString(file).replace("seed=1", "seed=2"));
        IOException error = assertThrows(IOException.class, store::readAll);
        assertTrue(error.getMessage().contains(file.toString()) && error.getMessage().contains("does not match"), error.getMessage());
    }

    @Test
    void csvQuotesCellsWithCommasQuotesAndNewlines() {
        assertEquals("plain", SweepTable.csvCell("plain"));
        assertEquals("\"a,b\"", SweepTable.csvCell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", SweepTable.csvCell("say \"hi\""));
        assertEquals("\"two\nlines\"", SweepTable.csvCell("two\nlines"));
        assertEquals("", SweepTable.csvCell(null));
    }

    @Test
    void progressLineCountsRunsAndEstimatesTheRest() {
        long[] now = {0};
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        SweepProgress progress = new SweepProgress(new java.io.PrintStream(bytes, true), 10, 2, () -> now[0]);
        now[0] = 30_000_000_000L; // 30 s for the first run: 7 more to go at 30 s each
        progress.finished(new RunRecord(RunKey.of(Settings.of("lambda", 1.0), 1), RunRecord.Status.OK, null, 30, "h", Map.of("accuracy", 0.9)));
        String line = bytes.toString().strip();
        assertTrue(line.startsWith("[sweep] 3/10 runs done (0 failed, 2 from before), 30s elapsed, ETA 3m30s | lambda=1.0,seed=1 -> accuracy 0.9000"),
                line);
    }
}
