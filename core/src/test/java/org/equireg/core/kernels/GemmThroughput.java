package org.equireg.core.kernels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A quick matrix-multiply throughput probe (not a test; the JMH suites live in benchmarks).
 * Prints the median GFLOP/s of {@code C = A B} for square sizes on 1 and 2 threads.
 *
 * <pre>
 * ./mvnw -B -q -pl core test-compile
 * java --add-modules jdk.incubator.vector -cp core/target/classes:core/target/test-classes \
 *     org.equireg.core.kernels.GemmThroughput [sizes...]
 * </pre>
 */
public final class GemmThroughput {
    private static final int[] THREADS = Integer.getInteger("order", 0) == 0 ? new int[] {1, 2} : new int[] {2, 1};

    private GemmThroughput() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {256, 512, 1024} : parse(args);
        System.out.println("path: " + (Simd.vectorized() ? "vector, " + Simd.lanes() + " lanes" : "scalar")
                + ", java " + Runtime.version() + ", processors " + Runtime.getRuntime().availableProcessors());
        // Warm-up: let the JIT compile every variant and micro-kernel before anything is timed.
        for (int threads : new int[] {1, 2}) {
            for (int n : sizes) {
                Parallel.withThreads(threads, () -> medianGflops(n));
            }
        }
        for (int threads : THREADS) {
            for (int n : sizes) {
                double gflops = Parallel.withThreads(threads, () -> medianGflops(n));
                System.out.printf("threads=%d n=%d GFLOP/s=%.2f%n", threads, n, gflops);
            }
        }
    }

    private static double medianGflops(int n) {
        Random random = new Random(42);
        double[] a = random.doubles((long) n * n, -1, 1).toArray();
        double[] b = random.doubles((long) n * n, -1, 1).toArray();
        double[] c = new double[n * n];
        double flops = 2.0 * n * n * n;
        int reps = (int) Math.max(5, Math.min(200, 3e10 / flops));
        List<Double> rates = new ArrayList<>();
        for (int rep = 0; rep < reps + 3; rep++) {
            long start = System.nanoTime();
            Gemm.gemm(false, false, n, n, n, a, 0, b, 0, c, 0, false);
            long elapsed = System.nanoTime() - start;
            if (rep >= 3) {
                rates.add(flops / elapsed);
            }
        }
        Collections.sort(rates);
        return rates.get(rates.size() / 2);
    }

    private static int[] parse(String[] args) {
        int[] sizes = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            sizes[i] = Integer.parseInt(args[i]);
        }
        return sizes;
    }
}
