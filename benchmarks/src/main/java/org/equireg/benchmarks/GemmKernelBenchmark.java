package org.equireg.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.equireg.core.kernels.Gemm;
import org.equireg.core.kernels.GemmF32;
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
 * The matrix-product kernel in both dtypes, {@code C = A B} of an (m, k) by a (k, n) matrix through
 * {@link Gemm} or {@link GemmF32} into a preallocated C: the kernel alone, without the tensor layer
 * ({@link MatmulBenchmark} measures {@code Tensor.matmul}). GFLOP/s = {@code 2 m k n / ns}.
 *
 * <p>Shapes: the squares of the float32 target (512, 1024), a linear layer's forward pass at batch 64
 * (64-256-256, the CNN head 64-6272-64) and an im2col product of a 3x3 convolution (16 x 144 x 1024).
 * {@link #gemmTransposedB} is the product a linear layer's forward pass runs, {@code x W^T} with W stored
 * (n, k): its B is transposed while packed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.VECTOR_MODULE, BenchmarkJvm.PARALLEL_GC, BenchmarkJvm.HEAP_MIN,
        BenchmarkJvm.HEAP_MAX})
public class GemmKernelBenchmark {
    /** m x k x n. */
    @Param({"512x512x512", "1024x1024x1024", "64x256x256", "64x6272x64", "16x144x1024"})
    String shape;

    /** {@code float64} or {@code float32}. */
    @Param({"float64", "float32"})
    String dtype;

    int[] mkn;
    double[] left;
    double[] right;
    double[] product;
    float[] leftF;
    float[] rightF;
    float[] productF;

    @Setup
    public void setUp() {
        BenchmarkJvm.requireVectorKernels();
        mkn = Shape.parse(shape, 3);
        SplittableRandom random = new SplittableRandom(42);
        left = KernelData.uniform(random, mkn[0] * mkn[1]);
        right = KernelData.uniform(random, mkn[1] * mkn[2]);
        product = new double[mkn[0] * mkn[2]];
        leftF = KernelData.narrow(left);
        rightF = KernelData.narrow(right);
        productF = new float[product.length];
        KernelData.checkDtype(dtype);
    }

    /** Returns the product's array (double[] or float[]) so that the work cannot be dropped. */
    @Benchmark
    public Object gemm() {
        if (dtype.equals("float32")) {
            GemmF32.gemm(false, false, mkn[0], mkn[2], mkn[1], leftF, 0, rightF, 0, productF, 0, false);
            return productF;
        }
        Gemm.gemm(false, false, mkn[0], mkn[2], mkn[1], left, 0, right, 0, product, 0, false);
        return product;
    }

    /** {@code C = A B^T}, B the same numbers read as an (n, k) matrix: a linear layer's forward product. */
    @Benchmark
    public Object gemmTransposedB() {
        if (dtype.equals("float32")) {
            GemmF32.gemm(false, true, mkn[0], mkn[2], mkn[1], leftF, 0, rightF, 0, productF, 0, false);
            return productF;
        }
        Gemm.gemm(false, true, mkn[0], mkn[2], mkn[1], left, 0, right, 0, product, 0, false);
        return product;
    }
}
