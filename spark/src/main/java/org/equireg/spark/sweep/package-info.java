/**
 * Sweeps: every {@link org.equireg.spark.sweep.Settings} of a {@link org.equireg.spark.sweep.Grid}
 * times every seed runs as one Spark job calling the user's {@link org.equireg.spark.sweep.RunFunction};
 * the driver writes each finished run to the output folder as it arrives (one file per run, atomically),
 * so a stopped sweep loses nothing and a rerun skips what is done. {@link org.equireg.spark.sweep.Sweep}
 * is the entry point.
 */
package org.equireg.spark.sweep;
