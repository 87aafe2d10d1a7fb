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
 * @param sentBytesPerStep bytes rank 0 sends per step: with {@link Transport#ALL_GATHER} its message as Base64 text (to the
 *                         driver, which receives workers of them and sends workers + 1 times as many); with
 *                         {@link Transport#ALL_REDUCE} its slices of the gradient, each with a 4-byte length and one
 *                         byte per parameter tensor, about 2 (workers - 1)/workers of a gradient
 * @param receivedBytesPerStep bytes rank 0 receives per step: every rank's message through the all-gather, as much
 *                         as it sends through the all-reduce
 * @param medianStepSeconds median wall time of a step on rank 0 (gradient, exchange, update)
 * @param medianExchangeSeconds median wall time of the exchange and sum on rank 0
 */
public record TrainingResult(Path finalCheckpoint, int workers, long steps, long resumedFromStep, int attempts, double[] objectives,
                             Transport transport, long sentBytesPerStep, long receivedBytesPerStep, double medianStepSeconds,
                             double medianExchangeSeconds) {
}
