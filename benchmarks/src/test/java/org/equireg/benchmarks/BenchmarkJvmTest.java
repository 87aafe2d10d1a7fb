package org.equireg.benchmarks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Benchmarks refuse to time the scalar kernels unless asked to. */
class BenchmarkJvmTest {
    private static final Path SOURCES = Path.of("src/main/java/org/equireg/benchmarks");
    /** The JMH classes there are today; guards the source scan itself. */
    private static final int BENCHMARK_CLASSES = 9;
    private static final String SCALAR = "scalar, 1 thread (jdk.incubator.vector is not resolved)";

    @Test
    void scalarKernelsFailWithTheFlagsToPass() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> BenchmarkJvm.requireVectorKernels(false, null, SCALAR));
        String message = error.getMessage();
        assertTrue(message.contains(SCALAR), message);
        assertTrue(message.contains("-jvmArgsAppend \"--add-modules=jdk.incubator.vector -XX:+UseParallelGC -Xms2g -Xmx2g"),
                message);
        assertTrue(message.contains("-Dequireg.simd=false"), message);
    }

    @Test
    void vectorKernelsOrAnExplicitScalarRequestPass() {
        assertDoesNotThrow(() -> BenchmarkJvm.requireVectorKernels(true, null, "Vector API"));
        assertDoesNotThrow(() -> BenchmarkJvm.requireVectorKernels(false, "false", SCALAR));
        assertThrows(IllegalStateException.class, () -> BenchmarkJvm.requireVectorKernels(false, "true", SCALAR));
    }

    @Test
    void theTestJvmRunsTheVectorKernels() {
        // Surefire starts this JVM with the flags a benchmark fork gets; the guard must let it through.
        assertDoesNotThrow(() -> BenchmarkJvm.requireVectorKernels());
    }

    /** Read from the sources: JMH calls the setup reflectively, so no compiler checks that it guards. */
    @Test
    void everyBenchmarkSetupStartsWithTheGuard() throws IOException {
        Set<String> unguarded = new TreeSet<>();
        int benchmarks = 0;
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("@Benchmark\n")) {
                    continue;
                }
                benchmarks++;
                if (!source.contains("@Setup\n    public void setUp() {\n        BenchmarkJvm.requireVectorKernels();\n")) {
                    unguarded.add(file.getFileName().toString());
                }
            }
        }
        assertEquals(Set.of(), unguarded, "benchmarks whose @Setup does not start with BenchmarkJvm.requireVectorKernels()");
        assertTrue(benchmarks >= BENCHMARK_CLASSES, "found only " + benchmarks + " benchmark classes");
    }
}
