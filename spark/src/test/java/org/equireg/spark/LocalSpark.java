package org.equireg.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One {@code local[2,4]} Spark session for all unit tests of the module (starting one costs
 * seconds): two task slots, and up to four attempts per task so retries can be tested.
 */
public final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {
    }

    /** The shared session, started on first use. */
    public static synchronized SparkSession session() {
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSession.builder().master("local[2,4]").appName("equireg-spark tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
        }
        return session;
    }

    /** Stops the shared session, if running (a JVM holds one Spark context at a time). */
    public static synchronized void stop() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }
}
