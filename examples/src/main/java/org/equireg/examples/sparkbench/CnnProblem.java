package org.equireg.examples.sparkbench;

import java.util.List;
import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.equireg.nn.Conv2d;
import org.equireg.nn.Flatten;
import org.equireg.nn.Init;
import org.equireg.nn.Linear;
import org.equireg.nn.Losses;
import org.equireg.nn.MaxPool2d;
import org.equireg.nn.Module;
import org.equireg.nn.Optimizer;
import org.equireg.nn.ReLU;
import org.equireg.nn.SGD;
import org.equireg.nn.Sequential;
import org.equireg.regularizer.Distance;
import org.equireg.regularizer.EquivarianceError;
import org.equireg.regularizer.TransformPair;
import org.equireg.spark.parallel.DataParallelProblem;

/**
 * The benchmarks' cnn-digits (side 8) and cnn28 (side 28) training steps, split into shards: conv
 * 1->16, ReLU, conv 16->32, ReLU (3x3, padding 1), max-pool 2, linear -> 64, ReLU, linear 64 -> 10;
 * SGD lr 0.01; a global batch of 64 random images with random labels, cross-entropy plus the
 * rot90-invariance penalty (CROSS_ENTROPY_LOGITS, lambda 1) at 32 box points, both split evenly
 * over the shards.
 *
 * @param side image side: 8 (cnn-digits) or 28 (cnn28)
 */
record CnnProblem(int side) implements DataParallelProblem {
    private static final long serialVersionUID = 1L;
    static final int GLOBAL_BATCH = 64;
    static final int GLOBAL_POINTS = 32;

    static CnnProblem named(String name) {
        return switch (name) {
            case "cnn-digits" -> new CnnProblem(8);
            case "cnn28" -> new CnnProblem(28);
            default -> throw new IllegalArgumentException("unknown model '" + name + "'; use cnn-digits or cnn28");
        };
    }

    @Override
    public Module model() {
        Init.seed(7);
        int pooled = side / 2;
        return new Sequential(new Conv2d(1, 16, 3, 1, 1), new ReLU(), new Conv2d(16, 32, 3, 1, 1), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(32 * pooled * pooled, 64), new ReLU(), new Linear(64, 10));
    }

    @Override
    public Optimizer optimizer(Module model) {
        return new SGD(model.parameters(), 0.01);
    }

    @Override
    public Tensor objective(Module model, long step, int shard, int shards) {
        SplittableRandom random = new SplittableRandom(step * 1_000_003L + shard);
        int batch = GLOBAL_BATCH / shards;
        Tensor images = Tensor.rand(random, batch, 1, side, side);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(10);
        }
        Tensor loss = Losses.crossEntropy(model.forward(images), labels);
        EquivarianceError regularizer = EquivarianceError.builder(model, new int[] {1, side, side},
                        List.of(TransformPair.of(x -> x, x -> x.rot90(1, 2, 3), 0, 1)))
                .distance(Distance.CROSS_ENTROPY_LOGITS).sampleSize(GLOBAL_POINTS / shards).seed(random.nextLong()).build();
        return loss.add(regularizer.compute()).div(shards);
    }
}
