package org.equireg.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No drift between the float64 kernels and their float32 twins: regenerating in memory gives exactly the
 * committed files, and no file looks generated (or is named as a twin) without the generator or the
 * hand-written list accounting for it.
 */
class Float32GeneratorTest {
    private static final Path MODULE = Float32Generator.module(Path.of("."));

    @Test
    void committedTwinsAreWhatTheGeneratorWrites() throws IOException {
        Map<Path, String> generated = Float32Generator.generate(MODULE);
        assertEquals(Float32Generator.MAIN.size() + Float32Generator.TESTS.size(), generated.size());
        List<String> stale = new ArrayList<>();
        for (Map.Entry<Path, String> file : generated.entrySet()) {
            if (!Files.exists(file.getKey())
                    || !Files.readString(file.getKey(), StandardCharsets.UTF_8).equals(file.getValue())) {
                stale.add(file.getKey().getFileName().toString());
            }
        }
        if (!stale.isEmpty()) {
            fail("float32 twins differ from their float64 sources: " + stale + ". Do not edit generated files;"
                    + " edit the float64 file and run Float32Generator.main (see its Javadoc)");
        }
    }

    @Test
    void everyTwinIsGeneratedOrListedAsHandWritten() throws IOException {
        Set<String> generated = Float32Generator.generate(MODULE).keySet().stream()
                .map(path -> path.getFileName().toString()).collect(Collectors.toSet());
        Set<String> handWritten = Float32Generator.HAND_WRITTEN.stream()
                .map(name -> Float32Generator.twin(name) + ".java").collect(Collectors.toSet());
        int seen = 0;
        for (boolean main : new boolean[] {true, false}) {
            try (Stream<Path> files = Files.list(Float32Generator.kernels(MODULE, main))) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    boolean looksGenerated = Files.readString(file, StandardCharsets.UTF_8)
                            .startsWith(Float32Generator.HEADER);
                    boolean twinName = name.matches(".*F32(Test)?\\.java");
                    if (looksGenerated && !generated.contains(name)) {
                        fail(name + " carries the generated header, but the generator does not write it");
                    }
                    if (twinName && !generated.contains(name) && !handWritten.contains(name)) {
                        fail(name + " is named as a float32 twin but is neither generated nor listed as hand-written");
                    }
                    if (handWritten.contains(name) && looksGenerated) {
                        fail(name + " is listed as hand-written but carries the generated header");
                    }
                    seen += looksGenerated ? 1 : 0;
                }
            }
        }
        assertEquals(generated.size(), seen);
        for (String name : handWritten) {
            assertTrue(Files.exists(Float32Generator.kernels(MODULE, true).resolve(name)), name + " is missing");
        }
    }

    @Test
    void translatesTypesLiteralsAndMathCalls() {
        String source = "class Gemm { double f(double[] x) { return Math.sqrt(x[0]) + Math.fma(x[0], 2.5, 1e3)"
                + " + Double.MAX_VALUE + 10; } } // doubles in DoubleVector";
        String out = Float32Generator.translate(source, "Gemm", true);
        assertEquals(Float32Generator.HEADER + "Gemm.java: edit that file and run Float32Generator.main, not this one.\n"
                + "class GemmF32 { float f(float[] x) { return (float) Math.sqrt(x[0]) + Math.fma(x[0], 2.5f, 1e3f)"
                + " + Float.MAX_VALUE + 10; } } // floats in FloatVector", out);
    }

    @Test
    void keepsWideAccumulatorsDouble() {
        String source = "/* wide */ double s = 0; double[] x; s += x[0]; x[0] = (double) s; /* wide */ x = null; double t;";
        String out = Float32Generator.translate(source, "Scan", true);
        assertEquals("/* wide */ double s = 0; float[] x; s += x[0]; x[0] = (float) s; /* wide */ x = null; float t;",
                out.substring(Float32Generator.translate("", "Scan", true).length()));
    }

    @Test
    void refusesHexFloatsAndInexactKernelConstants() {
        IllegalArgumentException hex = assertThrows(IllegalArgumentException.class,
                () -> Float32Generator.translate("double shift = 0x1.8p52;", "Tanh", false));
        assertTrue(hex.getMessage().contains("0x1.8p52"), hex.getMessage());
        IllegalArgumentException inexact = assertThrows(IllegalArgumentException.class,
                () -> Float32Generator.translate("double c = 0.1;", "Kernel", true));
        assertTrue(inexact.getMessage().contains("0.1"), inexact.getMessage());
        IllegalArgumentException tiny = assertThrows(IllegalArgumentException.class,
                () -> Float32Generator.translate("double c = -1e-300;", "Test", false));
        assertTrue(tiny.getMessage().contains("range"), tiny.getMessage());
        assertEquals("float c = 0.1f;", Float32Generator.translate("double c = 0.1;", "Test", false)
                .substring(Float32Generator.translate("", "Test", false).length()));
    }
}
