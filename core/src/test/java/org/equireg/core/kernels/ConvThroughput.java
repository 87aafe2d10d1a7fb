package org.equireg.core.kernels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A quick convolution throughput probe (not a test): median milliseconds of the forward pass and
 * of both gradients for a few layer shapes, on 1 and 2 threads.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp core/target/classes:core/target/test-classes \
 *     org.equireg.core.kernels.ConvThroughput
 * </pre>
 */
public final class ConvThroughput {
    /** batch, in channels, height, width, out channels, kernel, stride, padding. */
    private static final int[][] LAYERS = {
        {64, 1, 28, 28, 16, 3, 1, 1},
        {64, 16, 14, 14, 32, 3, 1, 1},
        {32, 64, 16, 16, 64, 3, 1, 1},
        {8, 3, 64, 64, 32, 5, 2, 2},
    };

    private ConvThroughput() {
    }

    public static void main(String[] args) {
        System.out.println("path: " + (Simd.vectorized() ? "vector, " + Simd.lanes() + " lanes" : "scalar")
                + ", java " + Runtime.version());
        for (int pass = 0; pass < 2; pass++) {
            for (int threads : new int[] {1, 2}) {
                for (int[] layer : LAYERS) {
                    String line = Parallel.withThreads(threads, () -> measure(layer));
                    if (pass == 1) {
                        System.out.println("threads=" + threads + " " + line);
                    }
                }
            }
        }
    }

    private static String measure(int[] s) {
        ConvGeometry g = new ConvGeometry(s[0], s[1], s[2], s[3], s[5], s[5], s[6], s[7], 1);
        int outChannels = s[4];
        Random random = new Random(1);
        double[] x = random.doubles((long) s[0] * s[1] * s[2] * s[3], -1, 1).toArray();
        double[] w = random.doubles((long) outChannels * s[1] * s[5] * s[5], -1, 1).toArray();
        double[] bias = random.doubles(outChannels, -1, 1).toArray();
        double[] out = new double[s[0] * outChannels * g.outHeight() * g.outWidth()];
        double[] gradOut = random.doubles(out.length, -1, 1).toArray();
        double[] dx = new double[x.length];
        double[] dw = new double[w.length];
        double forward = medianMillis(() -> Convolution.forward(x, w, bias, g, outChannels, 1, out));
        double input = medianMillis(() -> Convolution.backwardInput(gradOut, w, g, outChannels, 1, dx));
        double weight = medianMillis(() -> Convolution.backwardWeight(gradOut, x, g, outChannels, 1, dw));
        double gflop = 2.0 * out.length * s[1] * s[5] * s[5] / 1e9;
        return String.format("N=%d C=%d %dx%d O=%d k=%d s=%d p=%d: forward %.2f ms (%.1f GFLOP/s), "
                        + "input grad %.2f ms, weight grad %.2f ms", s[0], s[1], s[2], s[3], outChannels, s[5], s[6],
                s[7], forward, gflop / forward * 1e3, input, weight);
    }

    private static double medianMillis(Runnable body) {
        List<Double> times = new ArrayList<>();
        long deadline = System.nanoTime() + 400_000_000L;
        while (times.size() < 5 || System.nanoTime() < deadline && times.size() < 200) {
            long start = System.nanoTime();
            body.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }
}
