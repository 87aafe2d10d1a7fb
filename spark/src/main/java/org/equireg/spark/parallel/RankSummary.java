package org.equireg.spark.parallel;

import java.io.Serializable;

/**
 * What one task of the barrier stage reports.
 *
 * @param rank          the task's rank (its partition)
 * @param attempt       the stage attempt it ran in (0 first; each retry after a failure adds one)
 * @param startStep     the step it resumed from (0 without a checkpoint)
 * @param objectives    the global objective (sum over shards) of each step it ran, from {@code startStep}
 * @param messageBytes  bytes of one step's message from this task (Base64 text through the all-gather)
 * @param stepSeconds   wall time of each step (compute, exchange and update)
 * @param exchangeSeconds wall time of each step's all-gather and sum
 */
record RankSummary(int rank, int attempt, long startStep, double[] objectives, long messageBytes, double[] stepSeconds,
                   double[] exchangeSeconds) implements Serializable {
    private static final long serialVersionUID = 1L;
}
