package org.equireg.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.equireg.core.kernels.Elementwise;
import org.equireg.core.kernels.ElementwiseF32;
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
 * Elementwise kernels in both dtypes through {@link Elementwise} / {@link ElementwiseF32}, into preallocated
 * outputs: the kernel alone, without the tensor layer ({@link ElementwiseBenchmark}). Elements per
 * microsecond = size / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.VECTOR_MODULE, BenchmarkJvm.PARALLEL_GC, BenchmarkJvm.HEAP_MIN,
        BenchmarkJvm.HEAP_MAX})
public class ElementwiseKernelBenchmark {
    /** Elements: in L1/L2, and in memory. */
    @Param({"4096", "4194304"})
    int size;

    /** {@code float64} or {@code float32}. */
    @Param({"float64", "float32"})
    String dtype;

    double[] left;
    double[] right;
    double[] out;
    float[] leftF;
    float[] rightF;
    float[] outF;

    @Setup
    public void setUp() {
        BenchmarkJvm.requireVectorKernels();
        KernelData.checkDtype(dtype);
        SplittableRandom random = new SplittableRandom(42);
        left = KernelData.uniform(random, size);
        right = KernelData.uniform(random, size);
        out = new double[size];
        leftF = KernelData.narrow(left);
        rightF = KernelData.narrow(right);
        outF = new float[size];
    }

    @Benchmark
    public Object add() {
        if (dtype.equals("float32")) {
            ElementwiseF32.add(leftF, 0, rightF, 0, outF, 0, size);
            return outF;
        }
        Elementwise.add(left, 0, right, 0, out, 0, size);
        return out;
    }

    @Benchmark
    public Object tanh() {
        if (dtype.equals("float32")) {
            ElementwiseF32.tanh(leftF, 0, outF, 0, size);
            return outF;
        }
        Elementwise.tanh(left, 0, out, 0, size);
        return out;
    }

    @Benchmark
    public Object exp() {
        if (dtype.equals("float32")) {
            ElementwiseF32.exp(leftF, 0, outF, 0, size);
            return outF;
        }
        Elementwise.exp(left, 0, out, 0, size);
        return out;
    }
}
