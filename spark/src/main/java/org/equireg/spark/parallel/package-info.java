/**
 * Data-parallel training in a Spark barrier stage: one task per worker, each computing the gradient
 * of its shard of the global batch; the gradients are summed in rank order (by an all-reduce over TCP
 * between the tasks, or through {@link org.apache.spark.BarrierTaskContext#allGather(String)}), so every
 * task applies the same update and the result is bit-identical to {@link org.equireg.spark.parallel.SequentialTrainer}.
 * {@link org.equireg.spark.parallel.DataParallelTrainer} is the entry point.
 */
package org.equireg.spark.parallel;
