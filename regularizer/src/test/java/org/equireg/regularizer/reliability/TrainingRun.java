package org.equireg.regularizer.reliability;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.equireg.nn.Adam;
import org.equireg.nn.Linear;
import org.equireg.nn.Losses;
import org.equireg.nn.Module;
import org.equireg.nn.Optimizer;
import org.equireg.nn.ReLU;
import org.equireg.nn.Sequential;
import org.equireg.regularizer.EquivarianceError;
import org.equireg.regularizer.TransformPair;
import org.equireg.regularizer.transforms.Transforms;

/**
 * One seeded training run shared by the reliability tests: an MLP {@code in -> hidden -> out}
 * fitted by Adam to fixed random targets, with a mirror-invariance penalty in the loss. Everything
 * random (weights, data, regularizer points) comes from the seed, never from a shared generator,
 * so runs on different threads are independent.
 */
final class TrainingRun {
    private final Module model;
    private final Optimizer optimizer;
    private final EquivarianceError regularizer;
    private final Tensor inputs;
    private final Tensor targets;

    TrainingRun(long seed, int in, int hidden, int out, int batch) {
        SplittableRandom random = new SplittableRandom(seed);
        this.model = new Sequential(new Linear(in, hidden, true, random), new ReLU(), new Linear(hidden, out, true, random));
        this.optimizer = new Adam(model.parameters(), 1e-3);
        this.inputs = Tensor.rand(random, batch, in);
        this.targets = Tensor.randn(random, batch, out);
        List<TransformPair> pairs = List.of(TransformPair.invariance(Transforms.flips(-1), 0.0, 0.1).named("mirror"));
        this.regularizer = EquivarianceError.builder(model, new int[] {in}, pairs)
                .sampleSize(batch).seed(seed + 1).build();
    }

    Module model() {
        return model;
    }

    /** One optimizer step on task loss + penalty; returns the loss before the step. */
    double step() {
        optimizer.zeroGrad();
        Tensor loss = Losses.mse(model.apply(inputs), targets).add(regularizer.compute());
        loss.backward();
        optimizer.step();
        return loss.item();
    }

    /** The loss of each of {@code steps} steps. */
    double[] lossCurve(int steps) {
        double[] curve = new double[steps];
        for (int i = 0; i < steps; i++) {
            curve[i] = step();
        }
        return curve;
    }

    /** Every parameter's values, concatenated in registration order. */
    double[] parameterValues() {
        return model.parameters().stream().flatMapToDouble(p -> Arrays.stream(p.toArray())).toArray();
    }
}
