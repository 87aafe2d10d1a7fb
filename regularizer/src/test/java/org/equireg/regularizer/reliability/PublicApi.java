package org.equireg.regularizer.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public constructors and methods that take arguments, of every public class in the packages
 * of the modules holding the given anchor classes, as readable signatures such as
 * {@code nn.Linear#new(int, int)} or {@code core.Tensor#reshape(int...)} (package relative to
 * {@code org.equireg}, nested classes joined by a dot, varargs as {@code ...}).
 * <p>Left out, having no argument to validate or not being this library's contract: methods
 * without parameters, {@code equals}, an enum's {@code valueOf}, and synthetic or bridge methods.
 */
final class PublicApi {
    private static final String ROOT = "org.equireg.";

    private PublicApi() {
    }

    /** Signatures of the entry points in the modules (class directories or jars) holding {@code anchors}. */
    static SortedSet<String> signatures(Class<?>... anchors) {
        SortedSet<String> signatures = new TreeSet<>();
        for (Class<?> anchor : anchors) {
            for (Class<?> type : publicClasses(anchor)) {
                for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                    if (counts(constructor)) {
                        signatures.add(signature(type, "new", constructor));
                    }
                }
                for (Method method : type.getDeclaredMethods()) {
                    boolean objectOverride = method.getName().equals("equals");
                    boolean enumValueOf = type.isEnum() && method.getName().equals("valueOf");
                    if (counts(method) && !method.isSynthetic() && !method.isBridge() && !objectOverride && !enumValueOf) {
                        signatures.add(signature(type, method.getName(), method));
                    }
                }
            }
        }
        return signatures;
    }

    /** The package-and-class part of a signature, {@code core.io.Dtype} for {@code org.equireg.core.io.Dtype}. */
    static String owner(Class<?> type) {
        String packageName = type.getPackageName();
        String nested = type.getName().substring(packageName.length() + 1).replace('$', '.');
        return packageName.substring(ROOT.length()) + "." + nested;
    }

    private static boolean counts(Executable executable) {
        return Modifier.isPublic(executable.getModifiers()) && executable.getParameterCount() > 0;
    }

    private static String signature(Class<?> type, String name, Executable executable) {
        String parameters = Arrays.stream(executable.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "));
        if (executable.isVarArgs()) {
            parameters = parameters.substring(0, parameters.length() - 2) + "...";
        }
        return owner(type) + "#" + name + "(" + parameters + ")";
    }

    /** Every class of {@code anchor}'s module that is public and, if nested, inside public classes only. */
    static List<Class<?>> publicClasses(Class<?> anchor) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : classNames(anchor)) {
            Class<?> type = load(name, anchor.getClassLoader());
            if (isVisible(type)) {
                classes.add(type);
            }
        }
        return classes;
    }

    private static boolean isVisible(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        for (Class<?> level = type; level != null; level = level.getEnclosingClass()) {
            if (!Modifier.isPublic(level.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException impossible) {
            throw new AssertionError("listed but not loadable: " + name, impossible);
        }
    }

    /** The binary names of the classes under {@code org/equireg} in {@code anchor}'s class directory or jar. */
    private static List<String> classNames(Class<?> anchor) {
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return classNamesUnder(location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location, Map.of())) {
                return classNamesUnder(jar.getPath("/"));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (URISyntaxException failure) {
            throw new AssertionError(failure);
        }
    }

    private static List<String> classNamesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("org/equireg"))) {
            return files.map(file -> root.relativize(file).toString())
                    .filter(file -> file.endsWith(".class") && !file.endsWith("package-info.class") && !file.endsWith("module-info.class"))
                    .map(file -> file.substring(0, file.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .toList();
        }
    }
}
