package org.equireg.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.equireg.core.ops.Op;

/**
 * The facts the documentation states in prose, each read from the code: a page writes
 * {@code <!-- claim NAME -->VALUE} (VALUE a {@code `code span`} or one word) and {@link DocsTest}
 * fails when VALUE is not what {@link #VALUES} computes for NAME now. A new claim needs a line here.
 */
final class Claims {
    /** Name to the value the code gives today. */
    static final Map<String, Supplier<String>> VALUES = Map.of(
            "project-version", Claims::projectVersion,
            "primitive-count", () -> String.valueOf(primitiveCount()),
            "gemm-a-block-rows", () -> constantExpression("core/src/main/java/org/equireg/core/kernels/PackedGemm.java", "MC"),
            "kernels-logger", () -> loggerName("core/src/main/java/org/equireg/core/kernels/Simd.java"),
            "kernel-log-level", () -> logLevel("core/src/main/java/org/equireg/core/kernels/Simd.java"));

    private Claims() {
    }

    /** The version in the root pom.xml, the one after the parent's artifactId. */
    static String projectVersion() {
        Matcher version = Pattern.compile("<artifactId>equireg-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read("pom.xml"));
        if (!version.find()) {
            throw new IllegalStateException("no version in pom.xml");
        }
        return version.group(1);
    }

    /** The primitives the enum {@link Op} lists, fused backward kernels included. */
    static int primitiveCount() {
        return Op.values().length;
    }

    /** The initialiser of {@code static final int NAME = ...;} in a source file, as written. */
    static String constantExpression(String file, String name) {
        Matcher constant = Pattern.compile("static final int " + name + " = ([^;]+);").matcher(read(file));
        if (!constant.find()) {
            throw new IllegalStateException(file + " declares no static final int " + name);
        }
        return constant.group(1);
    }

    private static String loggerName(String file) {
        Matcher logger = Pattern.compile("System\\.getLogger\\(\"([^\"]+)\"\\)").matcher(read(file));
        if (!logger.find()) {
            throw new IllegalStateException(file + " gets no System.Logger");
        }
        return logger.group(1);
    }

    private static String logLevel(String file) {
        Matcher level = Pattern.compile("\\.log\\(Level\\.(\\w+),").matcher(read(file));
        if (!level.find()) {
            throw new IllegalStateException(file + " logs nothing");
        }
        return level.group(1);
    }

    private static String read(String file) {
        try {
            return Files.readString(Markdown.root().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
