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
 * Elementwise ops on {@code size} float64 values, output allocation included. Bytes moved per call:
 * binary ops read two operands and write one ({@code 24 size}), unary ops read one and write one
 * ({@code 16 size}); GB/s = bytes / (nanoseconds per call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.VECTOR_MODULE, BenchmarkJvm.PARALLEL_GC, BenchmarkJvm.HEAP_MIN,
        BenchmarkJvm.HEAP_MAX})
public class ElementwiseBenchmark {
    /** 32 KiB (L1), 2 MiB (L2/L3) and 32 MiB (memory) per operand. */
    @Param({"4096", "262144", "4194304"})
    int size;

    Tensor left;
    Tensor right;

    @Setup
    public void setUp() {
        BenchmarkJvm.requireVectorKernels();
        SplittableRandom random = new SplittableRandom(42);
        left = Tensor.randn(random, size);
        right = Tensor.randn(random, size);
    }

    @Benchmark
    public Tensor add() {
        return left.add(right);
    }

    @Benchmark
    public Tensor mul() {
        return left.mul(right);
    }

    @Benchmark
    public Tensor relu() {
        return left.relu();
    }

    @Benchmark
    public Tensor tanh() {
        return left.tanh();
    }

    @Benchmark
    public Tensor exp() {
        return left.exp();
    }
}
