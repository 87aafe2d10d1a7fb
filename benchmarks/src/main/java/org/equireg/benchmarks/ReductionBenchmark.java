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
 * Reductions of a (size / 256, 256) matrix: the whole sum, row sums (the last axis, as in a softmax or a
 * per-sample distance), column sums (the first axis, as in a bias gradient) and the maximum. Bytes read
 * per call: {@code 8 size} (the outputs are small); GB/s = bytes / (nanoseconds per call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.VECTOR_MODULE, BenchmarkJvm.PARALLEL_GC, BenchmarkJvm.HEAP_MIN,
        BenchmarkJvm.HEAP_MAX})
public class ReductionBenchmark {
    static final int COLUMNS = 256;

    /** 32 KiB, 2 MiB and 32 MiB. */
    @Param({"4096", "262144", "4194304"})
    int size;

    Tensor matrix;

    @Setup
    public void setUp() {
        BenchmarkJvm.requireVectorKernels();
        matrix = Tensor.randn(new SplittableRandom(42), size / COLUMNS, COLUMNS);
    }

    @Benchmark
    public Tensor sumAll() {
        return matrix.sum();
    }

    @Benchmark
    public Tensor sumRows() {
        return matrix.sum(1, false);
    }

    @Benchmark
    public Tensor sumColumns() {
        return matrix.sum(0, false);
    }

    @Benchmark
    public Tensor max() {
        return matrix.max();
    }
}
