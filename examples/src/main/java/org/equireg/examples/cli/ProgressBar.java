package org.equireg.examples.cli;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar with a status text and an estimated time to completion.
 *
 * <p>On a terminal the line redraws in place ({@code \r}, at most ten times a second, plus every
 * checkpoint); otherwise {@link #update} prints nothing and each {@link #checkpoint} prints one
 * plain line, so logs stay readable. The ETA assumes the remaining steps take as long as the
 * finished ones did on average.
 */
public final class ProgressBar {
    private static final long REDRAW_INTERVAL_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 12; // keeps a full line under 80 columns

    private final PrintStream out;
    private final boolean terminal;
    private final String label;
    private final long totalSteps;
    private final LongSupplier clock;
    private final long startNanos;
    private boolean drawn;
    private long lastDrawNanos;
    private int lastLength;

    /**
     * A bar over {@code totalSteps} steps, starting now.
     *
     * @param terminal redraw in place (true) or print plain lines at checkpoints (false)
     * @param clock    nanosecond time source ({@code System::nanoTime} outside tests)
     */
    public ProgressBar(PrintStream out, boolean terminal, String label, long totalSteps, LongSupplier clock) {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("ProgressBar: totalSteps must be >= 1, got " + totalSteps);
        }
        this.out = out;
        this.terminal = terminal;
        this.label = label;
        this.totalSteps = totalSteps;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
    }

    /** A bar on standard output that redraws when standard output is a terminal. */
    public static ProgressBar onStdout(String label, long totalSteps) {
        return new ProgressBar(System.out, stdoutIsTerminal(), label, totalSteps, System::nanoTime);
    }

    /** Progress within a phase: redraws on a terminal (throttled), silent otherwise. */
    public void update(long doneSteps, String status) {
        long now = clock.getAsLong();
        if (terminal && (!drawn || now - lastDrawNanos >= REDRAW_INTERVAL_NANOS)) {
            redraw(line(doneSteps, status, now));
        }
    }

    /** The end of a phase (an epoch): redraws on a terminal, one plain line otherwise. */
    public void checkpoint(long doneSteps, String status) {
        String line = line(doneSteps, status, clock.getAsLong());
        if (terminal) {
            redraw(line);
        } else {
            out.println(line);
        }
    }

    /** Done: the final line with the elapsed time, ending the line on a terminal. */
    public void finish(String status) {
        double seconds = (clock.getAsLong() - startNanos) / 1e9;
        String line = label + "  " + bar(totalSteps) + "100%  " + status + "  in " + String.format(Locale.ROOT, "%.1fs", seconds);
        if (terminal) {
            redraw(line);
            out.println();
        } else {
            out.println(line);
        }
        out.flush();
    }

    private String line(long doneSteps, String status, long now) {
        long done = Math.max(0, Math.min(doneSteps, totalSteps));
        long percent = 100 * done / totalSteps;
        String eta = eta(now - startNanos, done, totalSteps);
        return label + "  " + (terminal ? bar(done) : "") + TextTable.padLeft(percent + "%", 4) + "  " + status + "  ETA " + eta;
    }

    private String bar(long done) {
        int filled = (int) (BAR_WIDTH * done / totalSteps);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] ";
    }

    private void redraw(String line) {
        // Spaces wipe the tail of a longer previous line.
        int clear = Math.max(0, lastLength - line.length());
        out.print("\r" + line + " ".repeat(clear));
        out.flush();
        lastLength = line.length();
        lastDrawNanos = clock.getAsLong();
        drawn = true;
    }

    /** Remaining time as m:ss (h:mm:ss past an hour); "?" before the first step is done. */
    static String eta(long elapsedNanos, long doneSteps, long totalSteps) {
        if (doneSteps <= 0) {
            return "?";
        }
        long seconds = Math.round(elapsedNanos / 1e9 * (totalSteps - doneSteps) / doneSteps);
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /**
     * True when standard output is an interactive terminal. From JDK 22 {@code System.console()}
     * exists even when output is redirected, so {@code Console.isTerminal()} decides when present.
     */
    public static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 17..21: a console exists only when attached to a terminal
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false;
        }
    }
}
