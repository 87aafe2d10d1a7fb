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
 * 3x3 convolution, stride 1, padding 1, with bias, on the layers of the workloads: input
 * (batch, in, height, width) to {@code out} channels. The forward pass is
 * {@code 2 batch out in 9 height width} floating-point operations; forward plus backward (gradients of
 * the input, the weight and the bias) is three times that, and GFLOP/s in the reports uses these counts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.VECTOR_MODULE, BenchmarkJvm.PARALLEL_GC, BenchmarkJvm.HEAP_MIN,
        BenchmarkJvm.HEAP_MAX})
public class Conv2dBenchmark {
    /** batch x in x height x width x out: cnn-digits' two layers, cnn28's two, fcn-seg's middle one. */
    @Param({"64x1x8x8x16", "64x16x8x8x32", "64x1x28x28x16", "64x16x28x28x32", "16x16x32x32x16"})
    String layer;

    Tensor input;
    Tensor weight;
    Tensor bias;
    Tensor outputGradient;

    @Setup
    public void setUp() {
        BenchmarkJvm.requireVectorKernels();
        int[] sizes = Shape.parse(layer, 5);
        int batch = sizes[0];
        int in = sizes[1];
        int out = sizes[4];
        SplittableRandom random = new SplittableRandom(42);
        input = Tensor.rand(random, batch, in, sizes[2], sizes[3]).requiresGrad(true);
        weight = Tensor.randn(random, out, in, 3, 3).mul(1 / Math.sqrt(9.0 * in)).requiresGrad(true);
        bias = Tensor.randn(random, out).requiresGrad(true);
        outputGradient = Tensor.randn(random, batch, out, sizes[2], sizes[3]);
    }

    @Benchmark
    public Tensor forward() {
        return input.detach().conv2d(weight.detach(), bias.detach(), 1, 1);
    }

    /** Forward, then backward from a fixed output gradient; returns the weight's gradient. */
    @Benchmark
    public Tensor forwardBackward() {
        input.zeroGrad();
        weight.zeroGrad();
        bias.zeroGrad();
        input.conv2d(weight, bias, 1, 1).backward(outputGradient);
        return weight.grad();
    }
}
