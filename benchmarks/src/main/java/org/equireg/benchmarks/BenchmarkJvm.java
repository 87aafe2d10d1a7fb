package org.equireg.benchmarks;

/**
 * The JVM flags every benchmark fork gets on top of the launching JVM's own flags (JMH copies those,
 * so {@code java -Dequireg.threads=2 -jar benchmarks.jar} sets the kernel thread count of every fork).
 */
final class BenchmarkJvm {
    /** The Vector API is an incubator module: without this flag the kernels fall back to scalar code. */
    static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";
    /** A throughput collector: training steps allocate short-lived buffers at a high rate. */
    static final String PARALLEL_GC = "-XX:+UseParallelGC";
    /** A fixed heap, so every fork sizes its young generation alike. */
    static final String HEAP_MIN = "-Xms2g";
    static final String HEAP_MAX = "-Xmx2g";

    private BenchmarkJvm() {
    }
}
