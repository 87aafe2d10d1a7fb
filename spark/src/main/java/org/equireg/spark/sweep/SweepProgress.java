package org.equireg.spark.sweep;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The driver's progress lines: one per finished run, with runs done of the total, failures and an
 * estimated time to completion. The ETA assumes the remaining runs finish at the rate the runs of
 * this session did (runs finished in an earlier session do not count towards the rate).
 */
final class SweepProgress {
    private final PrintStream out;
    private final LongSupplier clock;
    private final int total;
    private final int earlier;
    private final long start;
    private int done;
    private int failed;

    /**
     * @param total   runs in the sweep
     * @param earlier runs already finished before this session (skipped)
     * @param clock   nanosecond time source
     */
    SweepProgress(PrintStream out, int total, int earlier, LongSupplier clock) {
        this.out = out;
        this.total = total;
        this.earlier = earlier;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** Counts a finished run and prints its line. */
    void finished(RunRecord record) {
        done++;
        if (!record.ok()) {
            failed++;
        }
        out.println(line(record));
        out.flush();
    }

    /** The line for a run that just finished. */
    String line(RunRecord record) {
        double elapsed = (clock.getAsLong() - start) / 1e9;
        int remaining = total - earlier - done;
        String eta = remaining == 0 ? "done" : "ETA " + duration(elapsed / done * remaining);
        String outcome = record.ok() ? metrics(record.metrics()) : "FAILED: " + record.error().lines().findFirst().orElse("");
        return String.format(Locale.ROOT, "[sweep] %d/%d runs done (%d failed%s), %s elapsed, %s | %s -> %s", earlier + done, total,
                failed, earlier == 0 ? "" : ", " + earlier + " from before", duration(elapsed), eta, record.key().label(), outcome);
    }

    private static String metrics(Map<String, Double> metrics) {
        StringBuilder text = new StringBuilder();
        metrics.forEach((name, value) -> text.append(text.length() == 0 ? "" : ", ").append(name).append(' ')
                .append(String.format(Locale.ROOT, "%.4g", value)));
        return text.toString();
    }

    /** "42s", "3m05s", "2h07m". */
    static String duration(double seconds) {
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + "s";
        }
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", whole / 3600, whole % 3600 / 60);
    }
}
