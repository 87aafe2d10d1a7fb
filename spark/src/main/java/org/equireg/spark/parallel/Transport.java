package org.equireg.spark.parallel;

/**
 * How the tasks exchange their gradients each step. Either way every task ends up with every
 * rank's gradient and sums them in rank order, so the result is the same to the bit.
 */
public enum Transport {
    /**
     * {@link org.apache.spark.BarrierTaskContext#allGather(String)}: each message goes to the driver
     * as Base64 text and the driver sends all of them to every task. Nothing to open on the
     * executors, but Spark's barrier call waits in steps of one second (it sleeps 1 s between checks
     * of its reply), so a step costs at least about a second, and the driver moves
     * workers x (workers + 1) messages per step.
     */
    ALL_GATHER,
    /**
     * A TCP ring between the tasks (addresses exchanged once through the all-gather): in workers - 1
     * rounds each task passes a message to the next rank and receives one from the previous, until
     * every task has all of them. No driver in the path and no one-second floor; each task sends and
     * receives (workers - 1) messages per step. The executors must reach each other on ephemeral ports.
     */
    RING
}
