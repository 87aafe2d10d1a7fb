/**
 * equireg on Apache Spark: {@link org.equireg.spark.sweep regularizer sweeps} (a grid of settings x
 * seeds as Spark tasks, every finished run kept) and {@link org.equireg.spark.parallel data-parallel
 * training} (a barrier stage whose tasks all-reduce their gradients in a fixed rank order).
 *
 * <p>Spark is a {@code provided} dependency: the user's cluster, or {@code spark-submit}, brings it.
 */
package org.equireg.spark;
