package org.equireg.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.equireg.core.kernels.Parallel;
import org.junit.jupiter.api.Test;

/**
 * {@link Kernels} reports what this JVM was started with. The build runs the tests with
 * {@code --add-modules jdk.incubator.vector}, and CI again with {@code -Dequireg.simd=false} and with
 * {@code -XX:UseAVX=2}, so each branch below is taken by one of the runs.
 */
class KernelsTest {

    private static final List<String> JVM_FLAGS = ManagementFactory.getRuntimeMXBean().getInputArguments();

    @Test
    void reportsThePathTheJvmWasStartedFor() {
        String description = Kernels.describe();
        if ("false".equals(System.getProperty("equireg.simd"))) {
            assertFalse(Kernels.vectorized(), description);
            assertEquals(1, Kernels.doublesPerVector());
            assertEquals(1, Kernels.floatsPerVector());
            assertEquals(0, Kernels.vectorBits());
            assertEquals("-Dequireg.simd=false", Kernels.reason());
            assertTrue(description.startsWith("scalar, "), description);
            return;
        }
        assertTrue(JVM_FLAGS.contains("--add-modules=jdk.incubator.vector"), JVM_FLAGS.toString());
        assertTrue(Kernels.vectorized(), description);
        assertTrue(Kernels.doublesPerVector() >= 2, description);
        assertEquals(Kernels.doublesPerVector() * 64, Kernels.vectorBits());
        assertEquals(Kernels.doublesPerVector() * 2, Kernels.floatsPerVector());
        if (JVM_FLAGS.contains("-XX:UseAVX=2")) {
            assertEquals(256, Kernels.vectorBits(), description);
        }
        assertTrue(description.startsWith("Vector API, " + Kernels.vectorBits() + "-bit vectors ("
                + Kernels.doublesPerVector() + " doubles, " + Kernels.floatsPerVector() + " floats), "), description);
    }

    @Test
    void threadsFollowThePropertyAndTheScope() {
        int configured = Integer.getInteger("equireg.threads", Runtime.getRuntime().availableProcessors());
        assertEquals(configured, Kernels.threads());
        assertTrue(Kernels.describe().contains(configured + (configured == 1 ? " thread" : " threads")), Kernels.describe());
        Parallel.withThreads(3, () -> {
            assertEquals(3, Kernels.threads());
            assertTrue(Kernels.describe().contains(", 3 threads ("), Kernels.describe());
        });
    }
}
