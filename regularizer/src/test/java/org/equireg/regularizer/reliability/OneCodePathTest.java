package org.equireg.regularizer.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each op, layer and transform is written once for both element types. In {@code core.ops} no line
 * holds a {@code double[]} or {@code float[]}, reads a tensor's array ({@code buffer()},
 * {@code floatBuffer()}) or branches on a dtype: ops call the kernel facades, which pick the twin.
 * In nn and the regularizer no line keeps a float32 twin ({@code float[]}, {@code floatBuffer()}) or
 * branches on float32, but for the listed exceptions, each with its reason.
 */
class OneCodePathTest {
    private static final Pattern IN_OPS = Pattern.compile(
            "double\\s*\\[\\]|float\\s*\\[\\]|\\.buffer\\(\\)|\\.floatBuffer\\(\\)|dtype\\(\\)\\s*[!=]=|[!=]=\\s*DType\\.|DType\\.FLOAT(?:32|64)\\s*[?:]");
    private static final Pattern TWIN = Pattern.compile("float\\s*\\[\\]|\\.floatBuffer\\(\\)|DType\\.FLOAT32");

    /** "module-relative file: trimmed line fragment" of the lines allowed, with the reason. */
    private static final Map<String, String> EXCEPTIONS = Map.of(
            "regularizer/src/main/java/org/equireg/regularizer/LogSpaceDistance.java: double tiny = x.dtype() == DType.FLOAT32",
            "a constant, not a code path: log(0)'s guard is the smallest normal number of the tensor's own type",
            "core/src/main/java/org/equireg/core/ops/Operands.java: if (operand != null && operand.dtype() != dtype) {",
            "a check, not a code path: operands of different types are refused with a message naming each type");

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("core/src/main/java")) && Files.isDirectory(dir.resolve("nn/src/main/java"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no core/ and nn/ above " + Path.of("").toAbsolutePath());
    }

    private static Set<String> matches(String folder, Pattern pattern) throws IOException {
        Path root = root();
        Set<String> found = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
            files = walk.filter(path -> path.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.trim();
                boolean comment = trimmed.startsWith("*") || trimmed.startsWith("//") || trimmed.startsWith("/*");
                if (!comment && pattern.matcher(trimmed).find()) {
                    found.add(root.relativize(file).toString().replace('\\', '/') + ": " + trimmed);
                }
            }
        }
        return found;
    }

    private static Set<String> unexcused(Set<String> found) {
        Set<String> left = new TreeSet<>(found);
        left.removeIf(line -> EXCEPTIONS.keySet().stream().anyMatch(line::startsWith));
        return left;
    }

    @Test
    void opsHoldNoArrayAndNoDtypeBranch() throws IOException {
        assertEquals(Set.of(), unexcused(matches("core/src/main/java/org/equireg/core/ops", IN_OPS)));
    }

    @Test
    void nnAndTheRegularizerKeepNoFloat32Twin() throws IOException {
        Set<String> found = new TreeSet<>(matches("nn/src/main/java", TWIN));
        found.addAll(matches("regularizer/src/main/java", TWIN));
        assertEquals(Set.of(), unexcused(found));
    }

    @Test
    void everyExceptionStillNamesALine() throws IOException {
        Set<String> found = new TreeSet<>(matches("nn/src/main/java", TWIN));
        found.addAll(matches("regularizer/src/main/java", TWIN));
        found.addAll(matches("core/src/main/java/org/equireg/core/ops", IN_OPS));
        for (String exception : EXCEPTIONS.keySet()) {
            assertTrue(found.stream().anyMatch(line -> line.startsWith(exception)), "a stale exception: " + exception);
        }
    }

    @Test
    void thePatternsFindWhatTheyLookFor() {
        for (String twinLine : List.of("float[] values = tensor.floatBuffer();", "if (x.dtype() == DType.FLOAT32) {",
                "double[] out = new double[n];", "return x.dtype() == DType.FLOAT64 ? a : b;")) {
            assertTrue(IN_OPS.matcher(twinLine).find(), twinLine);
        }
        assertTrue(TWIN.matcher("protected void update(float[] parameter, float[] gradient, ParameterState state) {").find());
    }
}
