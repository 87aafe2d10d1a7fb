package org.equireg.benchmarks;

import org.equireg.core.Kernels;

/**
 * The JVM flags every benchmark fork gets on top of the launching JVM's own flags (JMH copies those,
 * so {@code java -Dequireg.threads=2 -jar benchmarks.jar} sets the kernel thread count of every fork),
 * and the check every benchmark's setup makes that they took effect.
 *
 * <p>JMH's command-line option {@code -jvmArgsAppend} replaces the annotations' {@code jvmArgsAppend}
 * rather than adding to it, so a user's {@code -jvmArgsAppend -Dequireg.threads=1} would silently drop
 * {@link #VECTOR_MODULE} and measure the scalar kernels; {@link #requireVectorKernels()} turns that into
 * an error naming the fix.
 */
final class BenchmarkJvm {
    /** The Vector API is an incubator module: without this flag the kernels fall back to scalar code. */
    static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";
    /** A throughput collector: training steps allocate short-lived buffers at a high rate. */
    static final String PARALLEL_GC = "-XX:+UseParallelGC";
    /** A fixed heap, so every fork sizes its young generation alike. */
    static final String HEAP_MIN = "-Xms2g";
    static final String HEAP_MAX = "-Xmx2g";

    /** The property that asks for the scalar kernels on purpose. */
    static final String SIMD_PROPERTY = "equireg.simd";

    private BenchmarkJvm() {
    }

    /**
     * Called first in every benchmark's setup: fails unless the Vector API kernels run in this JVM, or
     * the user asked for the scalar ones with {@code -Dequireg.simd=false}.
     *
     * @throws IllegalStateException naming the kernels that run, why, and the flags to pass
     */
    static void requireVectorKernels() {
        requireVectorKernels(Kernels.vectorized(), System.getProperty(SIMD_PROPERTY), Kernels.describe());
    }

    /** The check itself, a function of its inputs so that a test can try each case. */
    static void requireVectorKernels(boolean vectorized, String simdProperty, String kernels) {
        if (vectorized || "false".equalsIgnoreCase(simdProperty)) {
            return;
        }
        throw new IllegalStateException("equireg benchmarks measure the Vector API kernels, but this JVM runs "
                + kernels + ". JMH's -jvmArgsAppend replaces the benchmarks' own JVM flags instead of adding to"
                + " them: repeat them, as in -jvmArgsAppend \"" + VECTOR_MODULE + " " + PARALLEL_GC + " " + HEAP_MIN
                + " " + HEAP_MAX + " -Dequireg.threads=1\", or put -D options before -jar (java -Dequireg.threads=1"
                + " -jar benchmarks.jar ...; JMH copies them into every fork). To time the scalar kernels on purpose,"
                + " add -D" + SIMD_PROPERTY + "=false.");
    }
}
