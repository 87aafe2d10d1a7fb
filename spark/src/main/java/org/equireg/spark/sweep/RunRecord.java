package org.equireg.spark.sweep;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run produced: its metrics, or the error it threw.
 *
 * @param key      the run
 * @param status   {@link Status#OK} or {@link Status#FAILED}
 * @param error    the error's class, message and first stack frames; null when OK
 * @param seconds  wall time of the user's function on the executor
 * @param host     the executor's host name
 * @param metrics  metric name to value, in the function's order; empty when failed
 */
public record RunRecord(RunKey key, Status status, String error, double seconds, String host, Map<String, Double> metrics)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How a run ended. */
    public enum Status {
        /** The function returned metrics. */
        OK,
        /** The function (or Spark, for this run) threw; see {@link RunRecord#error()}. */
        FAILED
    }

    /** Checks the fields and keeps an unmodifiable copy of the metrics. */
    public RunRecord {
        if (key == null || status == null) {
            throw new IllegalArgumentException("RunRecord: key and status are required, got " + key + ", " + status);
        }
        if (status == Status.FAILED && (error == null || error.isBlank())) {
            throw new IllegalArgumentException("RunRecord: a failed run needs its error, run " + key.label());
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        (metrics == null ? Map.<String, Double>of() : metrics).forEach((name, value) -> {
            if (value == null) {
                throw new IllegalArgumentException("RunRecord: metric '" + name + "' of run " + key.label() + " is null");
            }
            copy.put(Settings.checkedName(name), value);
        });
        metrics = Collections.unmodifiableMap(copy);
    }

    /** True when the run returned metrics. */
    public boolean ok() {
        return status == Status.OK;
    }
}
