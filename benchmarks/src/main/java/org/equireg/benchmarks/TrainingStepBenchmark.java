package org.equireg.benchmarks;

import java.util.concurrent.TimeUnit;
import org.equireg.core.DType;
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
 * One training step (task loss, optional equivariance penalty, backward, SGD update) of each workload
 * in {@link Workloads}, with and without the regularizer. Run with {@code -prof gc}:
 * {@code gc.alloc.rate.norm} is then the allocation per step in bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 9, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.VECTOR_MODULE, BenchmarkJvm.PARALLEL_GC, BenchmarkJvm.HEAP_MIN,
        BenchmarkJvm.HEAP_MAX})
public class TrainingStepBenchmark {
    @Param({"mlp-shift", "mlp-digits", "cnn-digits", "cnn28", "fcn-seg"})
    String workload;

    @Param({"false", "true"})
    boolean regularized;

    @Param({"float64", "float32"})
    String dtype;

    TrainingStep step;

    @Setup
    public void setUp() {
        BenchmarkJvm.requireVectorKernels();
        step = Workloads.create(workload, regularized, 42, "float32".equals(dtype) ? DType.FLOAT32 : DType.FLOAT64);
    }

    /** Returns the step's loss, so the work cannot be optimised away. */
    @Benchmark
    public double step() {
        return step.run();
    }
}
