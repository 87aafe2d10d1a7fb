package org.equireg.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.equireg.core.kernels.ConvGeometry;
import org.equireg.core.kernels.Convolution;
import org.equireg.core.kernels.ConvolutionF32;
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
 * The three convolution kernels (3x3, stride 1, padding 1: the direct ones) in both dtypes, through
 * {@link Convolution} or {@link ConvolutionF32} into preallocated outputs, on {@link Conv2dBenchmark}'s
 * layers. Each is {@code 2 b o c 9 h w} floating-point operations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.VECTOR_MODULE, BenchmarkJvm.PARALLEL_GC, BenchmarkJvm.HEAP_MIN,
        BenchmarkJvm.HEAP_MAX})
public class ConvKernelBenchmark {
    /** batch x in x height x width x out, as {@link Conv2dBenchmark}. */
    @Param({"64x1x28x28x16", "64x16x28x28x32", "16x16x32x32x16"})
    String layer;

    /** {@code float64} or {@code float32}. */
    @Param({"float64", "float32"})
    String dtype;

    ConvGeometry geometry;
    int outChannels;
    double[] input;
    double[] weight;
    double[] bias;
    double[] outputGradient;
    double[] output;
    double[] inputGradient;
    double[] weightGradient;
    float[] inputF;
    float[] weightF;
    float[] biasF;
    float[] outputGradientF;
    float[] outputF;
    float[] inputGradientF;
    float[] weightGradientF;

    @Setup
    public void setUp() {
        BenchmarkJvm.requireVectorKernels();
        KernelData.checkDtype(dtype);
        int[] sizes = Shape.parse(layer, 5);
        geometry = new ConvGeometry(sizes[0], sizes[1], sizes[2], sizes[3], 3, 3, 1, 1, 1);
        outChannels = sizes[4];
        SplittableRandom random = new SplittableRandom(42);
        input = KernelData.uniform(random, sizes[0] * sizes[1] * sizes[2] * sizes[3]);
        weight = KernelData.uniform(random, outChannels * sizes[1] * 9);
        bias = KernelData.uniform(random, outChannels);
        outputGradient = KernelData.uniform(random, sizes[0] * outChannels * sizes[2] * sizes[3]);
        output = new double[outputGradient.length];
        inputGradient = new double[input.length];
        weightGradient = new double[weight.length];
        inputF = KernelData.narrow(input);
        weightF = KernelData.narrow(weight);
        biasF = KernelData.narrow(bias);
        outputGradientF = KernelData.narrow(outputGradient);
        outputF = new float[output.length];
        inputGradientF = new float[input.length];
        weightGradientF = new float[weight.length];
    }

    @Benchmark
    public Object forward() {
        if (dtype.equals("float32")) {
            ConvolutionF32.forward(inputF, weightF, biasF, geometry, outChannels, 1, outputF);
            return outputF;
        }
        Convolution.forward(input, weight, bias, geometry, outChannels, 1, output);
        return output;
    }

    @Benchmark
    public Object backwardInput() {
        if (dtype.equals("float32")) {
            ConvolutionF32.backwardInput(outputGradientF, weightF, geometry, outChannels, 1, inputGradientF);
            return inputGradientF;
        }
        Convolution.backwardInput(outputGradient, weight, geometry, outChannels, 1, inputGradient);
        return inputGradient;
    }

    @Benchmark
    public Object backwardWeight() {
        if (dtype.equals("float32")) {
            ConvolutionF32.backwardWeight(outputGradientF, inputF, geometry, outChannels, 1, weightGradientF);
            return weightGradientF;
        }
        Convolution.backwardWeight(outputGradient, input, geometry, outChannels, 1, weightGradient);
        return weightGradient;
    }
}
