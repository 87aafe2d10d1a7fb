package org.equireg.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.equireg.core.kernels.ConvGeometry;
import org.equireg.core.kernels.Pool2d;
import org.equireg.core.kernels.Pool2dF32;
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
 * Max pooling over 2 x 2 windows at stride 2 in both dtypes through {@link Pool2d} / {@link Pool2dF32}, into
 * preallocated outputs, at cnn28's two pools (batch 64): 16 channels of 28 x 28 to 14 x 14, and 32 of 14 x 14
 * to 7 x 7. Windows per microsecond = batch x channels x outHeight x outWidth / time. The backward
 * benchmark clears the input gradient first, as the op does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.VECTOR_MODULE, BenchmarkJvm.PARALLEL_GC, BenchmarkJvm.HEAP_MIN,
        BenchmarkJvm.HEAP_MAX})
public class Pool2dKernelBenchmark {
    /** batch x channels x height x width of the input. */
    @Param({"64x16x28x28", "64x32x14x14"})
    String shape;

    /** {@code float64} or {@code float32}. */
    @Param({"float64", "float32"})
    String dtype;

    ConvGeometry geometry;
    double[] in;
    double[] out;
    double[] gradOut;
    double[] dx;
    float[] inF;
    float[] outF;
    float[] gradOutF;
    float[] dxF;
    int[] argmax;

    @Setup
    public void setUp() {
        BenchmarkJvm.requireVectorKernels();
        KernelData.checkDtype(dtype);
        int[] sizes = Arrays.stream(shape.split("x")).mapToInt(Integer::parseInt).toArray();
        geometry = new ConvGeometry(sizes[0], sizes[1], sizes[2], sizes[3], 2, 2, 2, 0, 1);
        SplittableRandom random = new SplittableRandom(42);
        int outLength = sizes[0] * sizes[1] * geometry.outHeight() * geometry.outWidth();
        in = KernelData.uniform(random, sizes[0] * sizes[1] * sizes[2] * sizes[3]);
        gradOut = KernelData.uniform(random, outLength);
        out = new double[outLength];
        dx = new double[in.length];
        inF = KernelData.narrow(in);
        gradOutF = KernelData.narrow(gradOut);
        outF = new float[outLength];
        dxF = new float[in.length];
        argmax = new int[outLength];
        if (dtype.equals("float32")) {
            Pool2dF32.maxForward(inF, geometry, outF, argmax);
        } else {
            Pool2d.maxForward(in, geometry, out, argmax);
        }
    }

    @Benchmark
    public Object maxForward() {
        if (dtype.equals("float32")) {
            Pool2dF32.maxForward(inF, geometry, outF, argmax);
            return outF;
        }
        Pool2d.maxForward(in, geometry, out, argmax);
        return out;
    }

    @Benchmark
    public Object maxBackward() {
        if (dtype.equals("float32")) {
            Arrays.fill(dxF, 0);
            Pool2dF32.maxBackward(gradOutF, argmax, geometry, dxF);
            return dxF;
        }
        Arrays.fill(dx, 0);
        Pool2d.maxBackward(gradOut, argmax, geometry, dx);
        return dx;
    }
}
