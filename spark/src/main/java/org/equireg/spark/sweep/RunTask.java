package org.equireg.spark.sweep;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.apache.spark.api.java.function.Function;

/**
 * The Spark task of one run: calls the user's function and turns what it returns, or throws, into a
 * {@link RunRecord}. A failure of the function is data, not a task failure: Spark does not retry it.
 */
final class RunTask implements Function<RunKey, RunRecord> {
    private static final long serialVersionUID = 1L;
    /** Stack frames kept in a failed run's error: enough to find the line, short enough for a table. */
    private static final int ERROR_LINES = 12;
    private final RunFunction function;

    RunTask(RunFunction function) {
        this.function = function;
    }

    @Override
    public RunRecord call(RunKey key) {
        long start = System.nanoTime();
        try {
            Map<String, Double> metrics = function.run(key.settings(), key.seed());
            if (metrics == null) {
                throw new IllegalStateException("the run function returned null metrics");
            }
            return new RunRecord(key, RunRecord.Status.OK, null, seconds(start), host(), metrics);
        } catch (VirtualMachineError e) {
            throw e; // the executor is unwell: let Spark fail the task and retry it elsewhere
        } catch (Throwable e) {
            return new RunRecord(key, RunRecord.Status.FAILED, describe(e), seconds(start), host(), Map.of());
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    /** The error's first lines: "class: message" and the top stack frames. */
    static String describe(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        String[] lines = text.toString().split("\\R");
        return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(lines.length, ERROR_LINES))).strip();
    }
}
