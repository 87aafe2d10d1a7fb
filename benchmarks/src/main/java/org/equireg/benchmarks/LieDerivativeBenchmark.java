package org.equireg.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.equireg.core.Tensor;
import org.equireg.nn.Conv2d;
import org.equireg.nn.Flatten;
import org.equireg.nn.Init;
import org.equireg.nn.Linear;
import org.equireg.nn.Losses;
import org.equireg.nn.MaxPool2d;
import org.equireg.nn.ReLU;
import org.equireg.nn.Sequential;
import org.equireg.regularizer.lie.LayerwiseAttribution;
import org.equireg.regularizer.lie.LieDerivative;
import org.equireg.regularizer.lie.LieGenerator;
import org.equireg.regularizer.transforms.Padding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Lie derivative of the MNIST study's CNN on a batch of 64 images of (1, 28, 28), against one
 * forward and backward pass of the same model: {@code task} is cross-entropy forward and backward,
 * {@code lie} the end-to-end Lie derivative along rotation, {@code layers} the per-layer
 * attribution with 16 probes. PyTorch's counterpart (lie-deriv's double-backward JVP) is
 * {@code scripts/bench/lie_torch.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.VECTOR_MODULE, BenchmarkJvm.PARALLEL_GC, BenchmarkJvm.HEAP_MIN,
        BenchmarkJvm.HEAP_MAX})
public class LieDerivativeBenchmark {
    static final int BATCH = 64;
    static final int SIDE = 28;
    static final int PROBES = 16;

    @Param({"task", "lie", "layers"})
    String work;

    Sequential model;
    Tensor images;
    int[] labels;
    LieGenerator rotation;

    @Setup
    public void setUp() {
        BenchmarkJvm.requireVectorKernels();
        Init.seed(42);
        model = new Sequential(new Conv2d(1, 16, 3, 1, 1), new ReLU(), new MaxPool2d(2), new Conv2d(16, 32, 3, 1, 1),
                new ReLU(), new MaxPool2d(2), new Flatten(), new Linear(32 * 7 * 7, 128), new ReLU(), new Linear(128, 10));
        SplittableRandom random = new SplittableRandom(42);
        images = Tensor.rand(random, BATCH, 1, SIDE, SIDE);
        labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = random.nextInt(10);
        }
        rotation = LieGenerator.rotation(Padding.ZEROS);
    }

    /** Returns a number computed from the result, so the work cannot be optimised away. */
    @Benchmark
    public double run() {
        return switch (work) {
            case "task" -> {
                model.zeroGrad();
                Tensor loss = Losses.crossEntropy(model.forward(images), labels);
                loss.backward();
                yield loss.item();
            }
            case "lie" -> LieDerivative.invariance(model, rotation).apply(images).detach().abs().sum().item();
            case "layers" -> LayerwiseAttribution.of(model, rotation, images, PROBES, new SplittableRandom(1)).endToEnd()
                    .meanSquaredNorm();
            default -> throw new IllegalStateException("LieDerivativeBenchmark: unknown work '" + work + "'");
        };
    }
}
