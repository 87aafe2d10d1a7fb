package org.equireg.spark.parallel;

import java.io.Serializable;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;
import org.equireg.nn.Optimizer;

/**
 * What to train, as every task builds it: Spark serializes this object to each worker, which
 * creates its own model and optimizer and computes the objective of its shard.
 *
 * <p>For the tasks to stay in step, {@link #model()} must give the same initial weights on every
 * call (seed the initialisation), and {@link #objective} must be a function of the model, the step
 * and the shard only (derive any random draws, batches and regularizer points from them), so a
 * resumed run repeats a lost step exactly.
 */
public interface DataParallelProblem extends Serializable {
    /** A fresh model with the initial weights, the same on every call. */
    Module model();

    /** The optimizer over {@code model}'s parameters. */
    Optimizer optimizer(Module model);

    /**
     * The objective of one shard at one step: a scalar whose gradients are this shard's part of the
     * global gradient. The global objective is the sum over shards, so a mean over the global batch
     * is the shard's mean divided by {@code shards} (plus, for a regularizer, its penalty divided by
     * {@code shards}, or the penalty at the shard's points over {@code shards}).
     *
     * @param model  the model, with this step's weights
     * @param step   the step, from 0
     * @param shard  the shard (the task's rank), 0..shards-1
     * @param shards the number of shards (tasks)
     * @return a one-element tensor attached to the model's parameters
     */
    Tensor objective(Module model, long step, int shard, int shards);
}
