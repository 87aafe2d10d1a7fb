package org.equireg.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.equireg.core.Tensor;
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
 * Softmax and log-softmax over the last axis of a (rows, columns) matrix: the classifier heads of the
 * digit workloads (64 x 10) and larger rows. Bytes counted per element, the least traffic each needs:
 * a forward pass reads the input and writes the output (16); forward plus backward also reads the
 * output gradient and the saved output and writes the input gradient (40 in all). GB/s = bytes /
 * (nanoseconds per call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.VECTOR_MODULE, BenchmarkJvm.PARALLEL_GC, BenchmarkJvm.HEAP_MIN,
        BenchmarkJvm.HEAP_MAX})
public class SoftmaxBenchmark {
    /** rows x columns. */
    @Param({"64x10", "64x1024", "1024x1024"})
    String shape;

    Tensor logits;
    Tensor outputGradient;

    @Setup
    public void setUp() {
        BenchmarkJvm.requireVectorKernels();
        int[] sizes = Shape.parse(shape, 2);
        SplittableRandom random = new SplittableRandom(42);
        logits = Tensor.randn(random, sizes[0], sizes[1]).requiresGrad(true);
        outputGradient = Tensor.randn(random, sizes[0], sizes[1]);
    }

    @Benchmark
    public Tensor softmax() {
        return logits.detach().softmax(-1);
    }

    @Benchmark
    public Tensor logSoftmax() {
        return logits.detach().logSoftmax(-1);
    }

    /** Log-softmax forward, then backward; returns the logits' gradient. */
    @Benchmark
    public Tensor logSoftmaxForwardBackward() {
        logits.zeroGrad();
        logits.logSoftmax(-1).backward(outputGradient);
        return logits.grad();
    }
}
