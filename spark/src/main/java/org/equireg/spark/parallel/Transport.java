package org.equireg.spark.parallel;

/**
 * How the tasks exchange their gradients each step. Either way each element of the summed gradient
 * is added in rank order, {@code ((g_0 + g_1) + g_2) + ...}, so the result is the same to the bit.
 */
public enum Transport {
    /**
     * {@link org.apache.spark.BarrierTaskContext#allGather(String)}: each message goes to the driver
     * as Base64 text and the driver sends all of them to every task, which sums them. Nothing to open
     * on the executors, but Spark's barrier call waits in steps of one second (it sleeps 1 s between
     * checks of its reply), so a step costs at least about a second, and the driver moves
     * workers x (workers + 1) messages per step.
     */
    ALL_GATHER,
    /**
     * A TCP connection between every two tasks (addresses exchanged once through the all-gather) and
     * a bandwidth-optimal all-reduce over them: each task sums one slice of the gradient, in rank
     * order, from every rank's piece of it (reduce-scatter), then sends its sum to all others
     * (all-gather). Each task sends and receives 2 (workers - 1)/workers of a gradient per step, in
     * 2 (workers - 1) messages; no driver in the path and no one-second floor. The executors must
     * reach each other on ephemeral ports.
     */
    ALL_REDUCE
}
