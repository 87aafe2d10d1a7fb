package org.equireg.spark.sweep;

import java.io.Serializable;
import java.util.Map;

/**
 * The user's training run: settings and a seed in, named metrics out. Spark serializes it to the
 * executors, so it must be {@link Serializable} and capture only serializable state (load data
 * inside {@link #run}, or from a static cache, not in the driver).
 *
 * <p>A run that throws is recorded as failed with its error; the sweep goes on.
 */
@FunctionalInterface
public interface RunFunction extends Serializable {
    /**
     * Trains one run.
     *
     * @param settings the configuration
     * @param seed     the seed; runs with the same settings and seed should give the same metrics
     * @return metric name to value (names as for {@link Settings}: letters, digits, underscores)
     * @throws Exception any failure; it is recorded, not retried
     */
    Map<String, Double> run(Settings settings, long seed) throws Exception;
}
