package org.equireg.spark.parallel;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.TaskContext;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.nn.Adam;
import org.equireg.nn.Init;
import org.equireg.nn.Linear;
import org.equireg.nn.Losses;
import org.equireg.nn.Module;
import org.equireg.nn.Optimizer;
import org.equireg.nn.ReLU;
import org.equireg.nn.Sequential;
import org.equireg.regularizer.Distance;
import org.equireg.regularizer.EquivarianceError;
import org.equireg.regularizer.TransformPair;

/**
 * A small regression with a regularizer, deterministic in (step, shard): an MLP 8 -> 16 -> 4 on
 * each shard's fixed random inputs, MSE to random targets plus lambda 0.1 times the flip-equivariance
 * error at the shard's inputs, its draws seeded by step and shard (the model runs twice per step, so
 * parameters gather gradients from two passes).
 * It can fail once on purpose: on the first stage attempt, at one step, on one rank.
 *
 * @param dtype        the model's and data's element type
 * @param failStep     the step at which to fail on the first attempt (-1: never)
 * @param failRank     the rank that fails
 * @param killExecutor fail by halting the executor's JVM (a lost executor) instead of throwing
 */
record TinyProblem(DType dtype, long failStep, int failRank, boolean killExecutor) implements DataParallelProblem {
    private static final long serialVersionUID = 1L;
    private static final int BATCH_PER_SHARD = 16;
    private static final int INPUTS = 8;

    static TinyProblem of(DType dtype) {
        return new TinyProblem(dtype, -1, 0, false);
    }

    @Override
    public Module model() {
        Init.seed(2024);
        return new Sequential(new Linear(INPUTS, 16), new ReLU(), new Linear(16, 4)).to(dtype);
    }

    @Override
    public Optimizer optimizer(Module model) {
        return new Adam(model.parameters(), 1e-2);
    }

    @Override
    public Tensor objective(Module model, long step, int shard, int shards) {
        failIfAsked(step, shard);
        SplittableRandom random = new SplittableRandom(1_000_003L + shard);
        Tensor inputs = Tensor.rand(random, BATCH_PER_SHARD, INPUTS).to(dtype);
        Tensor targets = Tensor.randn(random, BATCH_PER_SHARD, 4).to(dtype);
        Tensor outputs = model.forward(inputs);
        EquivarianceError regularizer = EquivarianceError.builder(model, new int[] {INPUTS},
                List.of(TransformPair.of(t -> t.flip(1), t -> t.flip(1), 0, 0.1))).distance(Distance.L2).seed(step * 31 + shard).build();
        return Losses.mse(outputs, targets).add(regularizer.compute(inputs, outputs)).div(shards);
    }

    private void failIfAsked(long step, int shard) {
        TaskContext context = TaskContext.get();
        if (context == null || context.stageAttemptNumber() != 0 || step != failStep || shard != failRank) {
            return;
        }
        if (killExecutor) {
            Runtime.getRuntime().halt(137);
        }
        throw new IllegalStateException("TinyProblem: failing on purpose at step " + step + ", rank " + shard);
    }
}
