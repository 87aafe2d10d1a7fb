/**
 * Measurements of equireg-spark on a real multi-process cluster ({@code local-cluster}): sweep
 * throughput against a plain loop, and data-parallel step time and bytes against one process. Run
 * by {@code scripts/bench/spark.sh}; numbers count only from a quiet machine.
 */
package org.equireg.examples.sparkbench;
