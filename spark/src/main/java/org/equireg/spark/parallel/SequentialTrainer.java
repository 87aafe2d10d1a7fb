package org.equireg.spark.parallel;

import java.util.List;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;
import org.equireg.nn.Optimizer;

/**
 * The same training in one process, shard after shard: the reference {@link DataParallelTrainer}
 * is bit-identical to, and the baseline of its speed-up.
 *
 * <p>Each shard's gradient is computed on its own (zeroed gradients, one backward), then the
 * shards' gradients are added in order, {@code ((g_0 + g_1) + g_2) + ...}. This is not the same as
 * calling backward once per shard without zeroing: a parameter used more than once in one graph
 * (the regularizer runs the model twice) then accumulates its contributions one by one across
 * shards, which rounds differently in the last bits.
 */
public final class SequentialTrainer {
    private SequentialTrainer() {
    }

    /**
     * Trains {@code steps} steps of {@code shards} shards each.
     *
     * @return the model after the last step, and the global objective of each step
     */
    public static Result train(DataParallelProblem problem, int shards, long steps) {
        if (shards < 1 || steps < 0) {
            throw new IllegalArgumentException("SequentialTrainer.train: needs shards >= 1 and steps >= 0, got " + shards + ", " + steps);
        }
        Module model = problem.model();
        Optimizer optimizer = problem.optimizer(model);
        List<Tensor> parameters = optimizer.parameters();
        double[] objectives = new double[(int) steps];
        for (long step = 0; step < steps; step++) {
            Object[] sums = new Object[parameters.size()];
            double objective = 0;
            for (int shard = 0; shard < shards; shard++) {
                optimizer.zeroGrad();
                Tensor value = problem.objective(model, step, shard, shards);
                value.backward();
                objective += value.item();
                accumulate(parameters, sums);
            }
            install(parameters, sums);
            optimizer.step();
            objectives[(int) step] = objective;
        }
        return new Result(model, objectives);
    }

    /**
     * The trained model and the objective per step.
     *
     * @param model      the model after the last step
     * @param objectives the global objective (sum over shards) at each step
     */
    public record Result(Module model, double[] objectives) {
    }

    /** Adds each parameter's gradient to its running sum (the first shard's gradient starts it). */
    private static void accumulate(List<Tensor> parameters, Object[] sums) {
        for (int index = 0; index < parameters.size(); index++) {
            Tensor grad = parameters.get(index).grad();
            if (grad == null) {
                continue;
            }
            if (grad.dtype() == DType.FLOAT32) {
                float[] values = grad.floatBuffer();
                if (sums[index] == null) {
                    sums[index] = values.clone();
                } else {
                    float[] sum = (float[]) sums[index];
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += values[i];
                    }
                }
            } else {
                double[] values = grad.buffer();
                if (sums[index] == null) {
                    sums[index] = values.clone();
                } else {
                    double[] sum = (double[]) sums[index];
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += values[i];
                    }
                }
            }
        }
    }

    /** Writes the sums into the gradients the last shard left (every shard reaches the same parameters). */
    private static void install(List<Tensor> parameters, Object[] sums) {
        for (int index = 0; index < parameters.size(); index++) {
            Tensor grad = parameters.get(index).grad();
            if (sums[index] == null) {
                continue;
            }
            if (grad == null) {
                throw new IllegalStateException("SequentialTrainer: parameter " + index + " has a gradient on some shards but not the last");
            }
            if (sums[index] instanceof float[] sum) {
                System.arraycopy(sum, 0, grad.floatBuffer(), 0, sum.length);
            } else {
                double[] sum = (double[]) sums[index];
                System.arraycopy(sum, 0, grad.buffer(), 0, sum.length);
            }
            grad.bumpVersion();
        }
    }
}
