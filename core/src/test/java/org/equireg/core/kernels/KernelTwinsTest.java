package org.equireg.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails when a Vector API kernel has no scalar twin: for every {@code VectorX} class of this package
 * ({@code VectorX4}, {@code VectorX8}: one per vector width; {@code VectorXF32} for float32) there is a
 * {@code ScalarX} (or {@code ScalarXF32}) that
 * implements the same interfaces and declares every non-private static method with the same
 * parameters. That the two give the same bits is each family's own test ({@link ElementwiseTest},
 * {@link ReductionsTest}, {@link GemmTest}, {@link ConvolutionTest}, ...).
 */
class KernelTwinsTest {
    private static final Path SOURCES = Path.of("src/main/java/org/equireg/core/kernels");
    /** Vector-API helpers that are not kernels: the vector shapes of each element type. */
    private static final String NOT_KERNELS = "VectorShape";

    private static List<String> vectorKernels() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("Vector") && name.endsWith(".java"))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .filter(name -> !name.startsWith(NOT_KERNELS)).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyVectorKernelHasAScalarTwinWithTheSameSignatures() throws IOException, ClassNotFoundException {
        List<String> kernels = vectorKernels();
        assertTrue(kernels.size() >= 5, "found too few vector kernels in " + SOURCES.toAbsolutePath() + ": " + kernels);
        Set<String> problems = new TreeSet<>();
        for (String vector : kernels) {
            String kernel = vector.substring("Vector".length());
            // One twin serves every width: VectorX512F32 pairs with ScalarXF32, VectorX4 with ScalarX.
            String scalar = exists("Scalar" + kernel) ? "Scalar" + kernel : "Scalar" + kernel.replaceFirst("\\d+(F32)?$", "$1");
            if (!exists(scalar)) {
                problems.add(vector + " has no scalar twin " + scalar);
                continue;
            }
            Class<?> vectorClass = load(vector);
            Class<?> scalarClass = load(scalar);
            Set<Class<?>> vectorInterfaces = Set.of(vectorClass.getInterfaces());
            if (!Set.of(scalarClass.getInterfaces()).containsAll(vectorInterfaces)) {
                problems.add(scalar + " does not implement " + vectorInterfaces + " as " + vector + " does");
            }
            Set<String> scalarMethods = staticSignatures(scalarClass);
            for (String method : staticSignatures(vectorClass)) {
                if (!scalarMethods.contains(method)) {
                    problems.add(vector + "." + method + " has no twin in " + scalar);
                }
            }
        }
        assertEquals(Set.of(), problems, "vector kernels without a scalar twin");
    }

    private static boolean exists(String simpleName) {
        return Files.exists(SOURCES.resolve(simpleName + ".java"));
    }

    private static Class<?> load(String simpleName) throws ClassNotFoundException {
        // Not initialised: a vector kernel's static state would touch jdk.incubator.vector.
        return Class.forName(KernelTwinsTest.class.getPackageName() + "." + simpleName, false,
                KernelTwinsTest.class.getClassLoader());
    }

    private static Set<String> staticSignatures(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(method -> Modifier.isStatic(method.getModifiers()) && !Modifier.isPrivate(method.getModifiers()))
                .filter(method -> !method.isSynthetic())
                .map(KernelTwinsTest::signature).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }
}
