package org.equireg.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.equireg.core.DType;

/**
 * Times the training steps of {@link Workloads} without JMH, with the protocol of
 * {@code scripts/bench/torch_workloads.py}: steps run for the warm-up time (at least 3), then
 * {@code repeats} blocks of at least {@code block} seconds each; the result is the median over blocks
 * of the mean time per step in the block. All cases share one JVM, so every case is warmed up before
 * any is timed: the JIT compiles the shared kernels once, for all shapes. Allocation per step is the bytes allocated by all threads
 * over the timed blocks divided by the steps (HotSpot's per-thread counters, as JMH's {@code -prof gc}).
 * CPU time per step is the median over blocks of the CPU time of all live Java threads (the timing
 * thread and the kernels' pool; not the JIT's or the collector's) per step: on a machine that others
 * load it counts the step's own work, not the time it waits for a core, so ratios of CPU times
 * (a regularized step against a plain one, say) move less with the load than ratios of wall times.
 *
 * <p>When a workload runs both with and without the regularizer, a last line per workload and dtype
 * prints the regularized step's time over the plain one's, wall and CPU.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector [-Dequireg.threads=N] -cp benchmarks.jar
 * org.equireg.benchmarks.StepTimer [--workloads a,b] [--regularized both|true|false]
 * [--dtype float64|float32|both] [--warmup s] [--block s]
 * [--repeats r] [--out file.json]}.
 * Prints one line per case and, with {@code --out}, writes the results as JSON (the script's format).
 */
public final class StepTimer {
    private double warmupSeconds = 1;
    private double blockSeconds = 0.3;
    private int repeats = 7;

    private StepTimer() {
    }

    /** One timed case. */
    record Result(String workload, boolean regularized, DType dtype, double millisecondsPerStep,
                  double[] blockMilliseconds, double cpuMillisecondsPerStep, double bytesPerStep) {
        String json() {
            String samples = Arrays.stream(blockMilliseconds).mapToObj(StepTimer::number).collect(Collectors.joining(", "));
            return String.format(Locale.ROOT, "{\"kind\": \"step\", \"workload\": \"%s\", \"regularized\": %s, "
                            + "\"dtype\": \"%s\", \"ms\": %s, \"samples_ms\": [%s], \"cpu_ms\": %s, "
                            + "\"alloc_bytes_per_step\": %s}",
                    workload, regularized, dtype, number(millisecondsPerStep), samples, number(cpuMillisecondsPerStep),
                    number(bytesPerStep));
        }
    }

    public static void main(String[] arguments) throws IOException {
        BenchmarkJvm.requireVectorKernels();
        StepTimer timer = new StepTimer();
        List<String> workloads = Workloads.NAMES;
        boolean[] regularizedCases = {false, true};
        List<DType> dtypes = List.of(DType.FLOAT64);
        Path out = null;
        if (arguments.length % 2 != 0) {
            throw new IllegalArgumentException("StepTimer: option " + arguments[arguments.length - 1] + " has no value");
        }
        for (int i = 0; i < arguments.length; i += 2) {
            String value = arguments[i + 1];
            switch (arguments[i]) {
                case "--workloads" -> workloads = List.of(value.split(","));
                case "--regularized" -> regularizedCases = switch (value) {
                    case "both" -> new boolean[] {false, true};
                    case "true", "false" -> new boolean[] {Boolean.parseBoolean(value)};
                    default -> throw new IllegalArgumentException("StepTimer: --regularized takes both, true or false");
                };
                case "--dtype" -> dtypes = switch (value) {
                    case "both" -> List.of(DType.FLOAT64, DType.FLOAT32);
                    case "float64" -> List.of(DType.FLOAT64);
                    case "float32" -> List.of(DType.FLOAT32);
                    default -> throw new IllegalArgumentException("StepTimer: --dtype takes float64, float32 or both");
                };
                case "--warmup" -> timer.warmupSeconds = Double.parseDouble(value);
                case "--block" -> timer.blockSeconds = Double.parseDouble(value);
                case "--repeats" -> timer.repeats = Integer.parseInt(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("StepTimer: unknown option " + arguments[i]);
            }
        }
        List<TrainingStep> steps = new ArrayList<>();
        List<DType> stepTypes = new ArrayList<>();
        for (String workload : workloads) {
            for (boolean regularized : regularizedCases) {
                for (DType dtype : dtypes) {
                    steps.add(Workloads.create(workload, regularized, 42, dtype));
                    stepTypes.add(dtype);
                }
            }
        }
        steps.forEach(step -> run(step, timer.warmupSeconds, 3));
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Result result = timer.time(steps.get(i), stepTypes.get(i));
            System.out.printf(Locale.ROOT, "%-14s %-7s %9.3f ms/step %9.3f cpu ms/step %12.0f B/step%n",
                    steps.get(i).name(), stepTypes.get(i), result.millisecondsPerStep, result.cpuMillisecondsPerStep,
                    result.bytesPerStep);
            results.add(result);
        }
        ratios(results).forEach(System.out::println);
        if (out != null) {
            timer.write(out, results);
        }
    }

    /** Runs {@code step} for at least {@code seconds} and {@code minimumCalls}; returns seconds per call. */
    private static double run(TrainingStep step, double seconds, int minimumCalls) {
        long start = System.nanoTime();
        int calls = 0;
        while (calls < minimumCalls || System.nanoTime() - start < seconds * 1e9) {
            step.run();
            calls++;
        }
        return (System.nanoTime() - start) / 1e9 / calls;
    }

    Result time(TrainingStep step, DType dtype) {
        double secondsPerCall = run(step, 0, 3);
        int callsPerBlock = Math.max(1, (int) (blockSeconds / secondsPerCall));
        double[] blocks = new double[repeats];
        double[] cpuBlocks = new double[repeats];
        long allocatedBefore = allocatedBytes();
        for (int block = 0; block < repeats; block++) {
            long cpuStart = cpuNanoseconds();
            long blockStart = System.nanoTime();
            for (int call = 0; call < callsPerBlock; call++) {
                step.run();
            }
            blocks[block] = (System.nanoTime() - blockStart) / 1e6 / callsPerBlock;
            cpuBlocks[block] = (cpuNanoseconds() - cpuStart) / 1e6 / callsPerBlock;
        }
        double bytesPerStep = (double) (allocatedBytes() - allocatedBefore) / ((long) repeats * callsPerBlock);
        return new Result(step.workload(), step.regularized(), dtype, median(blocks), blocks, median(cpuBlocks),
                bytesPerStep);
    }

    /**
     * One line per workload and dtype timed both with and without the regularizer: the regularized
     * step's wall and CPU time over the plain step's.
     */
    static List<String> ratios(List<Result> results) {
        List<String> lines = new ArrayList<>();
        for (Result regularized : results) {
            if (!regularized.regularized) {
                continue;
            }
            for (Result plain : results) {
                if (!plain.regularized && plain.workload.equals(regularized.workload) && plain.dtype == regularized.dtype) {
                    lines.add(String.format(Locale.ROOT, "%-14s %-7s regularized / plain: wall %.2f, cpu %.2f",
                            regularized.workload, regularized.dtype,
                            regularized.millisecondsPerStep / plain.millisecondsPerStep,
                            regularized.cpuMillisecondsPerStep / plain.cpuMillisecondsPerStep));
                }
            }
        }
        return lines;
    }

    /** CPU time so far of the live Java threads, in nanoseconds (threads that report none count 0). */
    private static long cpuNanoseconds() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadCpuTime(threads.getAllThreadIds())).filter(t -> t > 0).sum();
    }

    /** Bytes allocated so far by the live threads (HotSpot's com.sun.management extension). */
    private static long allocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private void write(Path out, List<Result> results) throws IOException {
        String body = results.stream().map(Result::json).collect(Collectors.joining(",\n  ", "[\n  ", "\n]"));
        String json = String.format(Locale.ROOT, "{\"harness\": \"StepTimer\", \"jdk\": \"%s\", \"threads\": \"%s\", "
                        + "\"protocol\": {\"warmup_s\": %s, \"block_s\": %s, \"repeats\": %d},\n \"results\": %s}\n",
                Runtime.version(), System.getProperty("equireg.threads", "default"), number(warmupSeconds), number(blockSeconds),
                repeats, body);
        Path temporary = out.resolveSibling(out.getFileName() + ".tmp");
        Files.writeString(temporary, json);
        Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
