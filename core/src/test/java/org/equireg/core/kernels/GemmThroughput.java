package org.equireg.core.kernels;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A quick matrix-multiply throughput probe (not a test; the JMH suites live in benchmarks).
 * For each square size it times {@code C = A B} on 1 and on 2 threads, alternating the two so that
 * both see the same background load, and prints the median and best GFLOP/s of each.
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
                Simd.vectorized() ? "vector, " + Simd.lanes() + " lanes" : "scalar", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        for (int n : sizes) {
            measure(n, 1.0); // warm-up: let the JIT compile every variant before anything is timed
        }
        for (int n : sizes) {
            List<List<Double>> rates = measure(n, 4.0);
            System.out.printf("n=%d  1 thread: median %.2f best %.2f  |  2 threads: median %.2f best %.2f GFLOP/s"
                            + "  (%d runs each)%n", n, median(rates.get(0)), best(rates.get(0)),
                    median(rates.get(1)), best(rates.get(1)), rates.get(0).size());
        }
        System.out.printf("load average %.2f%n", loadAverage());
    }

    /** GFLOP/s of runs on 1 and 2 threads, alternating, for about {@code seconds}. */
    private static List<List<Double>> measure(int n, double seconds) {
        Random random = new Random(42);
        double[] a = random.doubles((long) n * n, -1, 1).toArray();
        double[] b = random.doubles((long) n * n, -1, 1).toArray();
        double[] c = new double[n * n];
        double flops = 2.0 * n * n * n;
        List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>());
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (rates.get(0).size() < 5 || System.nanoTime() < deadline) {
            for (int threads = 1; threads <= 2; threads++) {
                long start = System.nanoTime();
                Parallel.withThreads(threads, () -> Gemm.gemm(false, false, n, n, n, a, 0, b, 0, c, 0, false));
                rates.get(threads - 1).add(flops / (System.nanoTime() - start));
            }
        }
        return rates;
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
