package org.equireg.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * {@code org.equireg.nn.Module} keeps PyTorch's name and so clashes with {@code java.lang.Module}
 * under a wildcard import. The compiler's message must be the one docs/installing.md quotes, so a user
 * who searches for it finds the fix, and the fix the page gives must compile.
 */
class ModuleNameClashTest {
    private static final String MESSAGE = "reference to Module is ambiguous";
    private static final String FIX = "import org.equireg.nn.Module;";

    @Test
    void theWildcardImportGivesTheMessageThePageQuotes() throws IOException {
        List<String> errors = compile("import org.equireg.nn.*;\nclass Clash { Module model; }\n");
        assertTrue(errors.stream().anyMatch(error -> error.contains(MESSAGE)), errors.toString());
        String page = Files.readString(Markdown.root().resolve("docs/installing.md"), StandardCharsets.UTF_8);
        assertTrue(page.contains(MESSAGE) && page.contains(FIX), "docs/installing.md must quote the message and the fix");
    }

    @Test
    void theFixCompiles() throws IOException {
        assertEquals(List.of(), compile("import org.equireg.nn.*;\n" + FIX + "\nclass Clash { Module model; }\n"));
    }

    /** The compiler's error messages for one source file, against the test class path. */
    private static List<String> compile(String source) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Clash.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        try (var files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            // -proc:none and -d nowhere useful: only the diagnostics matter.
            List<String> options = List.of("--release", "17", "-proc:none", "-classpath", System.getProperty("java.class.path"),
                    "-d", Files.createTempDirectory("clash").toString());
            compiler.getTask(null, files, diagnostics, options, null, List.of(file)).call();
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT)).toList();
    }
}
