package org.equireg.spark.parallel;

import java.nio.file.Path;

/**
 * What a data-parallel training left behind.
 *
 * @param finalCheckpoint  the model and optimizer after the last step ({@link org.equireg.nn.Checkpoint} format)
 * @param workers          tasks (shards) per step
 * @param steps            steps trained in all
 * @param resumedFromStep  the step the successful attempt started from (0 when nothing failed)
 * @param attempts         stage attempts (1 when nothing failed)
 * @param objectives       the global objective of each step the successful attempt ran (from {@code resumedFromStep})
 * @param transport        how the gradients travelled
 * @param messageBytes     bytes of one task's message per step (Base64 text with {@link Transport#ALL_GATHER}).
 *                         All-gather: the driver receives workers times this and sends workers squared times this;
 *                         ring: each task sends and receives workers - 1 messages
 * @param medianStepSeconds median wall time of a step on rank 0 (gradient, exchange, update)
 * @param medianExchangeSeconds median wall time of the all-gather and sum on rank 0
 */
public record TrainingResult(Path finalCheckpoint, int workers, long steps, long resumedFromStep, int attempts, double[] objectives,
                             Transport transport, long messageBytes, double medianStepSeconds, double medianExchangeSeconds) {
}
