package org.equireg.core.kernels;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A quick matrix-multiply throughput probe (not a test; the JMH suites live in benchmarks).
 * For each square size it times {@code C = A B} in float64 ({@link Gemm}) and float32 ({@link GemmF32})
 * on 1 and on 2 threads, alternating the four so that all see the same background load, and prints
 * the median and best GFLOP/s of each and the float32 / float64 ratio of the medians.
 *
 * <pre>
 * ./mvnw -B -q -pl core test-compile
 * java --add-modules jdk.incubator.vector -cp core/target/classes:core/target/test-classes \
 *     org.equireg.core.kernels.GemmThroughput [sizes...]
 * </pre>
 */
public final class GemmThroughput {
    private GemmThroughput() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {256, 512, 1024} : parse(args);
        System.out.printf("path: %s, java %s, processors %d, load average %.2f%n",
                Simd.vectorized() ? "vector, " + Simd.lanes() + " doubles per vector" : "scalar", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        for (int n : sizes) {
            measure(n, 1.0); // warm-up: let the JIT compile every variant before anything is timed
        }
        for (int n : sizes) {
            List<List<Double>> rates = measure(n, 8.0);
            for (int threads = 1; threads <= 2; threads++) {
                List<Double> f64 = rates.get(2 * (threads - 1));
                List<Double> f32 = rates.get(2 * (threads - 1) + 1);
                System.out.printf("n=%d %d thread%s: float64 median %.2f best %.2f | float32 median %.2f best %.2f"
                                + " GFLOP/s | float32/float64 %.2fx  (%d runs each)%n", n, threads,
                        threads == 1 ? " " : "s", median(f64), best(f64), median(f32), best(f32),
                        median(f32) / median(f64), f64.size());
            }
        }
        System.out.printf("load average %.2f%n", loadAverage());
    }

    /** GFLOP/s of float64 and float32 runs on 1 and 2 threads, alternating, for about {@code seconds}. */
    private static List<List<Double>> measure(int n, double seconds) {
        Random random = new Random(42);
        double[] a = random.doubles((long) n * n, -1, 1).toArray();
        double[] b = random.doubles((long) n * n, -1, 1).toArray();
        double[] c = new double[n * n];
        float[] af = narrow(a);
        float[] bf = narrow(b);
        float[] cf = new float[n * n];
        double flops = 2.0 * n * n * n;
        List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (rates.get(0).size() < 5 || System.nanoTime() < deadline) {
            for (int threads = 1; threads <= 2; threads++) {
                long start = System.nanoTime();
                Parallel.withThreads(threads, () -> Gemm.gemm(false, false, n, n, n, a, 0, b, 0, c, 0, false));
                rates.get(2 * (threads - 1)).add(flops / (System.nanoTime() - start));
                start = System.nanoTime();
                Parallel.withThreads(threads, () -> GemmF32.gemm(false, false, n, n, n, af, 0, bf, 0, cf, 0, false));
                rates.get(2 * (threads - 1) + 1).add(flops / (System.nanoTime() - start));
            }
        }
        return rates;
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

    private static double best(List<Double> values) {
        return Collections.max(values);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static int[] parse(String[] args) {
        int[] sizes = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            sizes[i] = Integer.parseInt(args[i]);
        }
        return sizes;
    }
}
