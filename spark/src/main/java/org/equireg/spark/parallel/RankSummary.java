package org.equireg.spark.parallel;

import java.io.Serializable;

/**
 * What one task of the barrier stage reports.
 *
 * @param rank          the task's rank (its partition)
 * @param attempt       the stage attempt it ran in (0 first; each retry after a failure adds one)
 * @param startStep     the step it resumed from (0 without a checkpoint)
 * @param objectives    the global objective (sum over shards) of each step it ran, from {@code startStep}
 * @param sentBytes     bytes this task sent in its last step (Base64 text through the all-gather)
 * @param receivedBytes bytes this task received in its last step
 * @param stepSeconds   wall time of each step (compute, exchange and update)
 * @param exchangeSeconds wall time of each step's exchange and sum
 */
record RankSummary(int rank, int attempt, long startStep, double[] objectives, long sentBytes, long receivedBytes, double[] stepSeconds,
                   double[] exchangeSeconds) implements Serializable {
    private static final long serialVersionUID = 1L;
}
