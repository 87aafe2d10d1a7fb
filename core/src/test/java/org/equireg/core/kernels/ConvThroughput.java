package org.equireg.core.kernels;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A quick convolution throughput probe (not a test; the JMH suites live in benchmarks): the 3x3,
 * padding 1 convolutions of the benchmark workloads at their batch sizes with the regularizer
 * (batch + 2n images), forward, input gradient and weight gradient, in float64 ({@link Convolution})
 * and float32 ({@link ConvolutionF32}), alternating, on one thread, with the median GFLOP/s of each.
 *
 * <pre>
 * ./mvnw -B -q -pl core test-compile
 * java --add-modules jdk.incubator.vector -cp core/target/classes:core/target/test-classes \
 *     org.equireg.core.kernels.ConvThroughput [threads]
 * </pre>
 */
public final class ConvThroughput {
    /** name, batch, input channels, side, output channels. */
    private static final Object[][] SHAPES = {
        {"digits conv1", 128, 1, 8, 16}, {"digits conv2", 128, 16, 8, 32},
        {"cnn28 conv1", 128, 1, 28, 16}, {"cnn28 conv2", 128, 16, 28, 32},
        {"fcn conv1", 80, 1, 32, 16}, {"fcn conv2", 80, 16, 32, 16}, {"fcn conv3", 80, 16, 32, 1},
    };

    private ConvThroughput() {
    }

    public static void main(String[] args) {
        int threads = args.length == 0 ? 1 : Integer.parseInt(args[0]);
        System.out.printf("path: %s, threads %d, load average %.2f%n",
                Simd.vectorized() ? "vector, " + Simd.lanes() + " lanes" : "scalar", threads, loadAverage());
        for (Object[] shape : SHAPES) {
            measure(shape, threads, 0.5);
        }
        double[] total = new double[2];
        for (Object[] shape : SHAPES) {
            double[] sums = measure(shape, threads, 2.0);
            total[0] += sums[0];
            total[1] += sums[1];
        }
        System.out.printf("sum of medians: float64 %.3f ms, float32 %.3f ms (float64/float32 %.2fx), load average %.2f%n",
                total[0], total[1], total[0] / total[1], loadAverage());
    }

    /** Prints and returns the summed median milliseconds of the three kernels, float64 then float32. */
    private static double[] measure(Object[] shape, int threads, double seconds) {
        int batch = (int) shape[1];
        int channels = (int) shape[2];
        int side = (int) shape[3];
        int outChannels = (int) shape[4];
        ConvGeometry g = new ConvGeometry(batch, channels, side, side, 3, 3, 1, 1, 1);
        Random random = new Random(42);
        double[] x = random.doubles((long) batch * channels * side * side, -1, 1).toArray();
        double[] w = random.doubles(outChannels * channels * 9L, -1, 1).toArray();
        double[] b = random.doubles(outChannels, -1, 1).toArray();
        double[] out = new double[batch * outChannels * g.outHeight() * g.outWidth()];
        double[] gradOut = random.doubles(out.length, -1, 1).toArray();
        double[] dx = new double[x.length];
        double[] dw = new double[w.length];
        float[] xf = narrow(x);
        float[] wf = narrow(w);
        float[] bf = narrow(b);
        float[] outf = new float[out.length];
        float[] gradOutf = narrow(gradOut);
        float[] dxf = new float[dx.length];
        float[] dwf = new float[dw.length];
        double flops = 2.0 * batch * outChannels * channels * 9 * g.outHeight() * g.outWidth();
        List<List<Double>> times = new ArrayList<>();
        Runnable[] kernels = {
            () -> Convolution.forward(x, w, b, g, outChannels, 1, out),
            () -> Convolution.backwardInput(gradOut, w, g, outChannels, 1, dx),
            () -> Convolution.backwardWeight(gradOut, x, g, outChannels, 1, dw),
            () -> ConvolutionF32.forward(xf, wf, bf, g, outChannels, 1, outf),
            () -> ConvolutionF32.backwardInput(gradOutf, wf, g, outChannels, 1, dxf),
            () -> ConvolutionF32.backwardWeight(gradOutf, xf, g, outChannels, 1, dwf),
        };
        for (int i = 0; i < kernels.length; i++) {
            times.add(new ArrayList<>());
        }
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (times.get(0).size() < 5 || System.nanoTime() < deadline) {
            for (int i = 0; i < kernels.length; i++) {
                Runnable kernel = kernels[i];
                long start = System.nanoTime();
                Parallel.withThreads(threads, () -> {
                    kernel.run();
                    return null;
                });
                times.get(i).add((System.nanoTime() - start) / 1e6);
            }
        }
        double[] sums = new double[2];
        for (int dtype = 0; dtype < 2; dtype++) {
            double forward = median(times.get(3 * dtype));
            double input = median(times.get(3 * dtype + 1));
            double weight = median(times.get(3 * dtype + 2));
            System.out.printf("%-13s %s fwd %7.3f ms %5.1f GF/s | dx %7.3f ms %5.1f GF/s | dw %7.3f ms %5.1f GF/s%n",
                    shape[0], dtype == 0 ? "f64" : "f32", forward, flops / forward / 1e6, input, flops / input / 1e6,
                    weight, flops / weight / 1e6);
            sums[dtype] = forward + input + weight;
        }
        return sums;
    }

    private static float[] narrow(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
