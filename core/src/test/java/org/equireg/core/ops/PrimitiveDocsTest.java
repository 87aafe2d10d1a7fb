package org.equireg.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Fails when a primitive is not written the house way: one class per op in this package, whose
 * Javadoc states the derivative ({@code Derivative: ...}) and names the PyTorch counterpart
 * ({@code PyTorch: torch...}), with a public static method that records the op and returns its Tensor.
 * The class Javadoc is read from the source file, since Javadoc does not survive compilation.
 */
class PrimitiveDocsTest {
    private static final Path SOURCES = Path.of("src/main/java/org/equireg/core/ops");

    @Test
    void everyPrimitiveStatesItsDerivativeAndItsPyTorchName() throws IOException {
        Set<String> problems = new TreeSet<>();
        Set<Class<?>> ruleClasses = new java.util.LinkedHashSet<>();
        for (Op op : Op.values()) {
            ruleClasses.add(op.ruleClass());
        }
        for (Class<?> primitive : ruleClasses) {
            String name = primitive.getSimpleName();
            if (primitive.getPackage() != PrimitiveDocsTest.class.getPackage()) {
                problems.add(name + " is not in " + PrimitiveDocsTest.class.getPackageName());
                continue;
            }
            String javadoc = classJavadoc(Files.readString(SOURCES.resolve(name + ".java")), name);
            if (!javadoc.contains("Derivative")) {
                problems.add(name + ": the class Javadoc states no 'Derivative'");
            }
            if (!javadoc.toLowerCase(Locale.ROOT).contains("torch")) {
                problems.add(name + ": the class Javadoc names no PyTorch counterpart ('PyTorch: torch...')");
            }
            boolean records = Arrays.stream(primitive.getDeclaredMethods()).anyMatch(PrimitiveDocsTest::recordsTheOp);
            if (!records) {
                problems.add(name + ": no public static method returns the recorded Tensor");
            }
        }
        assertEquals(Set.of(), problems, "primitives not written as the checklist asks (docs/ADDING_AN_OP.md)");
    }

    private static boolean recordsTheOp(Method method) {
        int modifiers = method.getModifiers();
        boolean visible = Modifier.isPublic(modifiers) || !Modifier.isPublic(method.getDeclaringClass().getModifiers());
        return visible && Modifier.isStatic(modifiers) && method.getReturnType() == Tensor.class;
    }

    /** The Javadoc comment right before {@code public final class Name}, or "" when there is none. */
    private static String classJavadoc(String source, String name) {
        Matcher declaration = Pattern.compile("\\b(?:public\\s+)?(?:final\\s+)?class\\s+" + name + "\\b").matcher(source);
        if (!declaration.find()) {
            return "";
        }
        int start = source.lastIndexOf("/**", declaration.start());
        int end = start < 0 ? -1 : source.indexOf("*/", start);
        boolean adjacent = end >= 0 && source.substring(end + 2, declaration.start()).isBlank();
        return adjacent ? source.substring(start, end + 2) : "";
    }
}
