package org.equireg.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.equireg.core.DType;
import org.equireg.core.Storage;
import org.equireg.core.Tensor;
import org.equireg.nn.Optimizer;
import org.equireg.nn.SGD;
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
 * One plain SGD step over a parameter of {@code size} elements (98,304: mlp-shift's; 401,408: cnn28's
 * linear layer), with {@link SGD}'s block-wise rule and with the same rule written element by element
 * over {@link Storage#get(int)} and {@link Storage#set(int, double)} (how any optimizer did it before,
 * and how a user's rule may): over float32, JDK 17 does not vectorize the element-by-element loop.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {BenchmarkJvm.VECTOR_MODULE, BenchmarkJvm.PARALLEL_GC, BenchmarkJvm.HEAP_MIN,
        BenchmarkJvm.HEAP_MAX})
public class OptimizerBenchmark {
    @Param({"98304", "401408"})
    int size;

    @Param({"float64", "float32"})
    String dtype;

    Optimizer blocks;
    Optimizer elementwise;

    /** SGD without momentum or decay, element by element: {@code p = p - lr g}. */
    static final class ElementwiseSgd extends Optimizer {
        ElementwiseSgd(List<Tensor> parameters, double learningRate) {
            super("ElementwiseSgd", parameters, learningRate, new String[0]);
        }

        @Override
        protected void update(Storage parameter, Storage gradient, ParameterState state) {
            double rate = learningRate();
            for (int i = 0; i < parameter.length(); i++) {
                parameter.set(i, parameter.get(i) - rate * (gradient.get(i) + 0.0 * parameter.get(i)));
            }
        }
    }

    @Setup
    public void setUp() {
        BenchmarkJvm.requireVectorKernels();
        DType type = DType.valueOf(dtype.toUpperCase(java.util.Locale.ROOT));
        Tensor parameter = Tensor.randn(new SplittableRandom(42), size).to(type).requiresGrad(true);
        parameter.mul(Tensor.randn(new SplittableRandom(7), size).to(type)).sum().backward();
        // A learning rate of 0 keeps the values, so every call does the same work on the same numbers.
        blocks = new SGD(List.of(parameter), 0);
        elementwise = new ElementwiseSgd(List.of(parameter), 0);
    }

    @Benchmark
    public void sgdBlocks() {
        blocks.step();
    }

    @Benchmark
    public void sgdElementwise() {
        elementwise.step();
    }
}
