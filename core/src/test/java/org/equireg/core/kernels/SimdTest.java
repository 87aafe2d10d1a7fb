package org.equireg.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimdTest {

    @Test
    void reportsThePathExpectedUnderTheCurrentProperty() {
        boolean resolved = ModuleLayer.boot().findModule(Simd.MODULE).isPresent();
        boolean forcedOff = "false".equalsIgnoreCase(System.getProperty(Simd.PROPERTY));
        boolean expected = resolved && !forcedOff && VectorShape.LANES >= 2;
        assertEquals(expected, Simd.vectorized(), "path chosen: " + Simd.reason());
        if (forcedOff) {
            assertEquals("-Dequireg.simd=false", Simd.reason());
            assertEquals(1, Simd.lanes());
        } else if (expected) {
            assertEquals(VectorShape.LANES, Simd.lanes());
        }
    }

    @Test
    void falseForcesScalarWhateverElseHolds() {
        for (String value : List.of("false", "FALSE", "False")) {
            Simd.Choice choice = Simd.decide(value, true, () -> 8);
            assertFalse(choice.vectorized());
            assertEquals("-Dequireg.simd=false", choice.reason());
        }
    }

    @Test
    void vectorPathNeedsTheModuleAndTwoLanes() {
        assertTrue(Simd.decide(null, true, () -> 8).vectorized());
        assertTrue(Simd.decide("true", true, () -> 4).vectorized());
        assertEquals(8, Simd.decide(null, true, () -> 8).lanes());
        assertFalse(Simd.decide(null, true, () -> 1).vectorized());
        Simd.Choice absent = Simd.decide(null, false, () -> {
            throw new AssertionError("must not touch the vector classes when the module is absent");
        });
        assertFalse(absent.vectorized());
        assertEquals("jdk.incubator.vector is not resolved; start the JVM with --add-modules jdk.incubator.vector",
                absent.reason());
        Simd.Choice broken = Simd.decide(null, true, () -> {
            throw new NoClassDefFoundError("jdk/incubator/vector/DoubleVector");
        });
        assertFalse(broken.vectorized());
        assertTrue(broken.reason().contains("failed to load"), broken.reason());
    }

    @Test
    void logLineNamesThePathAndTheReason() {
        assertEquals("equireg kernels: Vector API, 512-bit vectors (8 doubles, 16 floats) (jdk.incubator.vector is "
                + "resolved and -Dequireg.simd is not false)", Simd.decide(null, true, () -> 8).logLine());
        assertEquals("equireg kernels: Vector API, 256-bit vectors (4 doubles, 8 floats) (jdk.incubator.vector is "
                + "resolved and -Dequireg.simd is not false)", Simd.decide(null, true, () -> 4).logLine());
        assertEquals("equireg kernels: scalar (-Dequireg.simd=false)", Simd.decide("false", true, () -> 8).logLine());
    }

    /**
     * The library must run, on the scalar path, in a JVM that never resolved jdk.incubator.vector; it
     * logs its choice once at FINE, and at the default levels writes nothing.
     */
    @Test
    void runsScalarAndLogsOnlyAtFineWithoutTheModule(@TempDir Path temp) throws IOException, InterruptedException,
            URISyntaxException {
        String quiet = runProbe(temp, List.of());
        assertTrue(quiet.contains("vectorized=false lanes=1"), quiet);
        assertTrue(quiet.contains("gemm=[20.0, 14.0, 56.0, 41.0] packed=75.0 add=7.0"), quiet);
        assertFalse(quiet.contains("equireg kernels:"), "a normal run logs nothing:\n" + quiet);

        Path config = temp.resolve("logging.properties");
        Files.writeString(config, "handlers = java.util.logging.ConsoleHandler\n"
                + "java.util.logging.ConsoleHandler.level = FINE\n"
                + "org.equireg.core.kernels.level = FINE\n");
        String fine = runProbe(temp, List.of("-Djava.util.logging.config.file=" + config));
        String logLine = "equireg kernels: scalar (jdk.incubator.vector is not resolved; start the JVM with "
                + "--add-modules jdk.incubator.vector)";
        assertEquals(1, fine.split(Pattern.quote(logLine), -1).length - 1, fine);
        assertEquals(1, fine.split("equireg kernels:", -1).length - 1, fine);
    }

    /** Runs {@link ScalarFallbackProbe} without the vector module; returns stdout and stderr together. */
    private static String runProbe(Path temp, List<String> flags) throws IOException, InterruptedException,
            URISyntaxException {
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = location(Simd.class) + File.pathSeparator + location(ScalarFallbackProbe.class);
        Path log = Files.createTempFile(temp, "equireg-simd", ".log");
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(flags);
        command.addAll(List.of("-cp", classPath, ScalarFallbackProbe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "probe JVM did not finish");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
