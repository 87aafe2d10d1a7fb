package org.equireg.core;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.equireg.core.ops.Primitives;

/**
 * For the coverage tests: the primitives {@link Primitives} lists, and the ops a computation
 * recorded, both as lower-cased op names (a primitive's op name is its class name in lower camel
 * case: {@code MatMul} records {@code "matmul"}).
 */
public final class OpCoverage {
    private OpCoverage() {
    }

    /** Every class in the public {@code List<Class<?>>} fields of {@link Primitives}. */
    public static List<Class<?>> primitiveClasses() {
        List<Class<?>> classes = new ArrayList<>();
        for (Field field : Primitives.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == List.class) {
                try {
                    for (Object element : (List<?>) field.get(null)) {
                        classes.add((Class<?>) element);
                    }
                } catch (IllegalAccessException e) {
                    throw new AssertionError("Primitives." + field.getName() + " is public", e);
                }
            }
        }
        if (classes.size() < 2) {
            throw new AssertionError("Primitives lists no classes");
        }
        return classes;
    }

    /** The op names of the classes {@link Primitives} lists. */
    public static Set<String> primitives() {
        Set<String> names = new TreeSet<>();
        for (Class<?> primitive : primitiveClasses()) {
            names.add(primitive.getSimpleName().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** The op names of every node in the graph behind {@code output} (before a backward releases it). */
    public static Set<String> recorded(Tensor output) {
        Set<String> ops = new TreeSet<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Tensor> pending = new ArrayDeque<>(List.of(output));
        while (!pending.isEmpty()) {
            Tensor tensor = pending.pop();
            if (tensor.node() != null && seen.add(tensor)) {
                ops.add(tensor.node().op.toLowerCase(Locale.ROOT));
                pending.addAll(Arrays.asList(tensor.node().inputs()));
            }
        }
        return ops;
    }
}
