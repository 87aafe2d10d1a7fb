package org.equireg.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.equireg.core.DType;
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
 * Matrix product {@code C = A B} of an (m, k) by a (k, n) matrix through {@link Tensor#matmul}, output
 * allocation included (as in {@code torch.mm}). One product is {@code 2 m k n} floating-point operations,
 * so GFLOP/s = {@code 2 m k n / (nanoseconds per product)}.
 *
 * <p>Shapes: squares 64 to 1024, then the skinny products of the workloads: a linear layer's forward
 * pass at batch 64 (mlp-shift 64-256-256-64, mlp-digits 64-128-128-10, the CNN heads 512-64 and
 * 6272-64) and the per-image im2col products of their 3x3 convolutions (output channels x
 * (input channels * 9) x pixels).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.VECTOR_MODULE, BenchmarkJvm.PARALLEL_GC, BenchmarkJvm.HEAP_MIN,
        BenchmarkJvm.HEAP_MAX})
public class MatmulBenchmark {
    /** m x k x n. */
    @Param({"64x64x64", "128x128x128", "256x256x256", "512x512x512", "1024x1024x1024",
            "64x64x256", "64x256x256", "64x256x64", "64x64x128", "64x128x128", "64x128x10", "64x512x64", "64x6272x64",
            "16x9x64", "32x144x64", "16x9x784", "32x144x784", "16x144x1024", "1x144x1024"})
    String shape;

    @Param({"float64", "float32"})
    String dtype;

    Tensor left;
    Tensor right;

    @Setup
    public void setUp() {
        BenchmarkJvm.requireVectorKernels();
        int[] mkn = Shape.parse(shape, 3);
        SplittableRandom random = new SplittableRandom(42);
        DType type = "float32".equals(dtype) ? DType.FLOAT32 : DType.FLOAT64;
        left = Tensor.rand(random, type, mkn[0], mkn[1]);
        right = Tensor.rand(random, type, mkn[1], mkn[2]);
    }

    @Benchmark
    public Tensor matmul() {
        return left.matmul(right);
    }
}
