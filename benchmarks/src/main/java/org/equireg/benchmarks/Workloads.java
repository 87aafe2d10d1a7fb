package org.equireg.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.nn.Conv2d;
import org.equireg.nn.Flatten;
import org.equireg.nn.Linear;
import org.equireg.nn.Losses;
import org.equireg.nn.MaxPool2d;
import org.equireg.nn.Module;
import org.equireg.nn.ReLU;
import org.equireg.nn.Sequential;
import org.equireg.nn.Tanh;
import org.equireg.regularizer.Distance;
import org.equireg.regularizer.EquivarianceError;
import org.equireg.regularizer.TransformPair;

/**
 * The five training-step workloads of the PyTorch comparison; {@code scripts/bench/torch_workloads.py}
 * builds the same ones (same layers, shapes, batch, regularizer and update) in PyTorch.
 *
 * <table>
 *   <caption>Workloads (batch 64 unless stated; SGD lr 0.01; regularizer n = 32, one pair, epsilon 0,
 *   lambda 1)</caption>
 *   <tr><th>name</th><th>model on input</th><th>task loss</th><th>f_out</th><th>f_in</th><th>distance</th></tr>
 *   <tr><td>mlp-shift</td><td>64-256-256-64, tanh between layers, on (64)</td><td>MSE to a fixed random target</td>
 *       <td>roll by 1</td><td>roll by 1</td><td>L2</td></tr>
 *   <tr><td>mlp-digits</td><td>64-128-128-10, tanh, on (64) = a flattened 8x8 image</td>
 *       <td>cross-entropy, random labels</td><td>identity</td><td>horizontal flip of the 8x8 image</td>
 *       <td>CROSS_ENTROPY_LOGITS</td></tr>
 *   <tr><td>cnn-digits</td><td>conv 1-&gt;16, ReLU, conv 16-&gt;32, ReLU (3x3, padding 1), max-pool 2, flatten,
 *       linear 512-&gt;64, ReLU, linear 64-&gt;10, on (1, 8, 8)</td><td>cross-entropy</td><td>identity</td>
 *       <td>rot90</td><td>CROSS_ENTROPY_LOGITS</td></tr>
 *   <tr><td>cnn28</td><td>the same CNN on (1, 28, 28): linear 6272-&gt;64</td><td>cross-entropy</td>
 *       <td>identity</td><td>rot90</td><td>CROSS_ENTROPY_LOGITS</td></tr>
 *   <tr><td>fcn-seg</td><td>conv 1-&gt;16, ReLU, conv 16-&gt;16, ReLU, conv 16-&gt;1 (3x3, padding 1), on
 *       (1, 32, 32), batch 16</td><td>MSE to a fixed random target</td><td>rot90</td><td>rot90</td><td>L2</td></tr>
 * </table>
 *
 * <p>Inputs and targets are uniform on [0, 1), labels uniform on 0..9, weights initialised as PyTorch
 * does; all from the given seed. Only the shapes and the computation match PyTorch's run, not the
 * random values (timing does not depend on them).
 */
public final class Workloads {
    /** Every workload, in the order of the reports. */
    public static final List<String> NAMES = List.of("mlp-shift", "mlp-digits", "cnn-digits", "cnn28", "fcn-seg");

    static final int BATCH = 64;
    static final int SEGMENTATION_BATCH = 16;
    static final int SAMPLES = 32;
    static final double LEARNING_RATE = 0.01;
    static final double EPSILON = 0;
    static final double LAMBDA = 1;
    static final int CLASSES = 10;

    private Workloads() {
    }

    /**
     * Builds a workload's training step.
     *
     * @param name one of {@link #NAMES}
     * @param regularized whether the step adds the equivariance penalty
     * @param seed seeds the weights, the batch and the targets
     * @throws IllegalArgumentException for an unknown name
     */
    public static TrainingStep create(String name, boolean regularized, long seed) {
        return create(name, regularized, seed, DType.FLOAT64);
    }

    /**
     * {@link #create(String, boolean, long)} in the given element type: the model, the batch and the
     * targets are made in that type (float32 draws differ from float64 ones, the sizes do not).
     */
    public static TrainingStep create(String name, boolean regularized, long seed, DType dtype) {
        DType previous = Tensor.defaultDtype();
        Tensor.setDefaultDtype(dtype);
        try {
            return createInDefaultType(name, regularized, seed);
        } finally {
            Tensor.setDefaultDtype(previous);
        }
    }

    private static TrainingStep createInDefaultType(String name, boolean regularized, long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        Definition definition = switch (name) {
            case "mlp-shift" -> mlpShift(random);
            case "mlp-digits" -> mlpDigits(random);
            case "cnn-digits" -> cnnDigits(random, 8);
            case "cnn28" -> cnnDigits(random, 28);
            case "fcn-seg" -> fcnSegmentation(random);
            default -> throw new IllegalArgumentException("Workloads.create: unknown workload '" + name
                    + "', expected one of " + NAMES);
        };
        EquivarianceError regularizer = regularized
                ? new EquivarianceError(definition.model, definition.inputShape,
                        List.of(TransformPair.of(definition.fOut, definition.fIn, EPSILON, LAMBDA)),
                        definition.distance, SAMPLES, 1)
                : null;
        return new TrainingStep(name, definition.model, definition.inputs, definition.taskLoss, regularizer,
                LEARNING_RATE);
    }

    /** What differs between workloads; {@code inputs} is the batch (batch, ...inputShape). */
    private record Definition(Module model, int[] inputShape, Tensor inputs, UnaryOperator<Tensor> taskLoss,
                              UnaryOperator<Tensor> fOut, UnaryOperator<Tensor> fIn, Distance distance) {
    }

    private static Definition mlpShift(RandomGenerator random) {
        Module model = tanhMlp(random, 64, 256, 256, 64);
        Tensor inputs = Tensor.rand(random, BATCH, 64);
        Tensor target = Tensor.rand(random, BATCH, 64);
        UnaryOperator<Tensor> rollByOne = x -> x.roll(1, -1);
        return new Definition(model, new int[] {64}, inputs, output -> Losses.mse(output, target),
                rollByOne, rollByOne, Distance.L2);
    }

    private static Definition mlpDigits(RandomGenerator random) {
        Module model = tanhMlp(random, 64, 128, 128, CLASSES);
        Tensor inputs = Tensor.rand(random, BATCH, 64);
        int[] labels = labels(random, BATCH);
        // (batch, 64) -> (batch, 8, 8), mirror the columns, back to (batch, 64)
        UnaryOperator<Tensor> flipImage = x -> x.reshape(-1, 8, 8).flip(2).reshape(-1, 64);
        return new Definition(model, new int[] {64}, inputs, logits -> Losses.crossEntropy(logits, labels),
                x -> x, flipImage, Distance.CROSS_ENTROPY_LOGITS);
    }

    private static Definition cnnDigits(RandomGenerator random, int side) {
        int pooled = side / 2;
        Module model = new Sequential(
                conv(random, 1, 16), new ReLU(),
                conv(random, 16, 32), new ReLU(),
                new MaxPool2d(2), new Flatten(),
                new Linear(32 * pooled * pooled, 64, true, random), new ReLU(),
                new Linear(64, CLASSES, true, random));
        Tensor inputs = Tensor.rand(random, BATCH, 1, side, side);
        int[] labels = labels(random, BATCH);
        return new Definition(model, new int[] {1, side, side}, inputs, logits -> Losses.crossEntropy(logits, labels),
                x -> x, Workloads::rot90, Distance.CROSS_ENTROPY_LOGITS);
    }

    private static Definition fcnSegmentation(RandomGenerator random) {
        Module model = new Sequential(
                conv(random, 1, 16), new ReLU(),
                conv(random, 16, 16), new ReLU(),
                conv(random, 16, 1));
        Tensor inputs = Tensor.rand(random, SEGMENTATION_BATCH, 1, 32, 32);
        Tensor target = Tensor.rand(random, SEGMENTATION_BATCH, 1, 32, 32);
        return new Definition(model, new int[] {1, 32, 32}, inputs, output -> Losses.mse(output, target),
                Workloads::rot90, Workloads::rot90, Distance.L2);
    }

    /** Linear layers of the given widths with tanh between them (none after the last). */
    private static Module tanhMlp(RandomGenerator random, int... widths) {
        Sequential model = new Sequential();
        for (int layer = 0; layer + 1 < widths.length; layer++) {
            if (layer > 0) {
                model.append(new Tanh());
            }
            model.append(new Linear(widths[layer], widths[layer + 1], true, random));
        }
        return model;
    }

    /** 3x3, stride 1, padding 1, with bias. */
    private static Conv2d conv(RandomGenerator random, int in, int out) {
        return new Conv2d(in, out, 3, 1, 1, 1, 1, true, random);
    }

    /** A quarter turn of each image, (batch, channels, height, width): torch.rot90(x, 1, dims=(2, 3)). */
    private static Tensor rot90(Tensor images) {
        return images.rot90(1, 2, 3);
    }

    private static int[] labels(RandomGenerator random, int count) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(CLASSES);
        }
        return labels;
    }
}
