package org.equireg.examples.docs;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles a documentation snippet and runs programs in a fresh JVM, as a reader would: the test's
 * class path, the kernel flags the test JVM was started with, and a working directory of choice. A
 * normal run must be quiet: nothing on standard error but the JVM's own incubator-module warning.
 */
final class JavaRunner {
    private static final String CLASS_NAME = "DocSnippet";
    /** What the JVM itself prints when the Vector API module is added; not the library's doing. */
    private static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";
    private static final long TIMEOUT_MINUTES = 5;

    private JavaRunner() {
    }

    /**
     * The snippet's leading {@code import} lines, then its statements as the body of
     * {@code public static void main(String[] args) throws Exception}, compiled into {@code output}.
     *
     * @return the class name to run
     * @throws AssertionError with the compiler's messages when the snippet does not compile
     */
    static String compileSnippet(Markdown.Block block, Path output) throws IOException {
        List<String> imports = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String line : block.text().lines().toList()) {
            boolean header = body.isEmpty() && (line.startsWith("import ") || line.isBlank());
            (header ? imports : body).add(line);
        }
        // Imports and body keep their page line numbers: one line of class header sits between them.
        String source = String.join("\n", imports) + "\npublic class " + CLASS_NAME
                + " { public static void main(String[] args) throws Exception {\n" + String.join("\n", body) + "\n}}\n";
        Path file = output.resolve(CLASS_NAME + ".java");
        Files.writeString(file, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (var files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-classpath", System.getProperty("java.class.path"),
                    "-d", output.toString());
            boolean compiled = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file)).call();
            if (!compiled) {
                StringBuilder messages = new StringBuilder(block + " does not compile:");
                diagnostics.getDiagnostics().forEach(d -> messages.append("\n  ").append(block.document()).append(" line ")
                        .append(pageLine(block, imports.size(), d.getLineNumber())).append(": ").append(d.getMessage(Locale.ROOT)));
                throw new AssertionError(messages.toString());
            }
        }
        return CLASS_NAME;
    }

    private static long pageLine(Markdown.Block block, int importLines, long generatedLine) {
        long inBlock = generatedLine <= importLines ? generatedLine : generatedLine - 1;
        return block.line() + inBlock;
    }

    /**
     * Runs {@code mainClass} with {@code arguments} in a new JVM in {@code directory}, with
     * {@code extraClassPath} (or null) in front of the test's class path and {@code jvmFlags} after the kernel flags.
     *
     * @return what it printed on standard output
     * @throws AssertionError when it exits with a status other than 0, or writes to standard error
     *     (the JVM's incubator warning aside), with its standard error
     */
    static String run(Path directory, Path extraClassPath, List<String> jvmFlags, String mainClass, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(kernelFlags());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add((extraClassPath == null ? "" : extraClassPath + File.pathSeparator) + System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(arguments));
        Path stderr = Files.createTempFile("doc-run-stderr", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + ": no exit after " + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
                        + stdout + Files.readString(stderr));
            }
            List<String> errors = Files.readAllLines(stderr).stream().filter(line -> !line.equals(INCUBATOR_WARNING)).toList();
            if (!errors.isEmpty()) {
                throw new AssertionError(String.join(" ", command) + " wrote to standard error (a normal run must be"
                        + " quiet):\n" + String.join("\n", errors));
            }
            return stdout;
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    /** The flags of this JVM that choose the kernels, so a snippet runs on the same path as the test. */
    private static List<String> kernelFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> flag.startsWith("--add-modules") || flag.startsWith("-Dequireg.") || flag.startsWith("-XX:UseAVX"))
                .toList();
    }
}
