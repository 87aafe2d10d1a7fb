package org.equireg.core;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.equireg.core.ops.GradCase;
import org.equireg.core.ops.GradCases;
import org.equireg.core.ops.Primitives;
import org.junit.jupiter.api.Test;

/**
 * Fails when a differentiable public method of {@link Tensor}, or a primitive listed in
 * {@link Primitives}, has no row in the gradient-check tables ({@link GradCases}).
 *
 * <p>Methods are matched by signature ({@link GradCase#signature}), so each overload needs its own
 * row. Primitives are matched by running every row's function and walking the graph it records: a
 * primitive's op name is its class name in lower camel case ({@code MatMul} records
 * {@code "matmul"}), compared case-insensitively.
 */
class GradCoverageTest {

    /** Public methods returning a Tensor that have no gradient to check, each with the reason. */
    private static final Map<String, String> NOT_DIFFERENTIABLE = Map.ofEntries(
            entry("of", "factory"), entry("wrap", "factory"), entry("scalar", "factory"), entry("zeros", "factory"),
            entry("ones", "factory"), entry("full", "factory"), entry("arange", "factory"), entry("rand", "factory"),
            entry("randn", "factory"), entry("fromOp", "custom-op factory; its backward is the caller's"),
            entry("requiresGrad", "sets a flag, returns this"), entry("grad", "accessor"),
            entry("detach", "cuts the graph by definition"), entry("copy", "a new leaf"),
            entry("toInPlace", "changes a leaf's storage, returns this"),
            entry("gt", "0/1 mask"), entry("lt", "0/1 mask"), entry("eq", "0/1 mask"), entry("argmax", "indices"));

    /**
     * How many differentiable methods (overloads counted apart) Tensor has today. Update it with the
     * method; it guards the reflective filter itself, which would otherwise pass by finding nothing.
     */
    private static final int DIFFERENTIABLE_METHODS = 63;

    private static Set<String> differentiableSignatures() {
        return Arrays.stream(Tensor.class.getMethods())
                .filter(method -> method.getDeclaringClass() == Tensor.class && method.getReturnType() == Tensor.class)
                .filter(method -> !NOT_DIFFERENTIABLE.containsKey(method.getName()))
                .map(GradCase::signature)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Long> casesPerMethod() {
        return GradCases.all().collect(Collectors.groupingBy(GradCase::method, TreeMap::new, Collectors.counting()));
    }

    @Test
    void everyDifferentiableTensorMethodHasAGradientCheck() {
        Set<String> differentiable = differentiableSignatures();
        Set<String> unchecked = new TreeSet<>(differentiable);
        unchecked.removeAll(casesPerMethod().keySet());
        assertEquals(Set.of(), unchecked, "Tensor methods without a gradient check");
        assertEquals(DIFFERENTIABLE_METHODS, differentiable.size(), "differentiable methods found: " + differentiable);
    }

    @Test
    void everyCaseNamesAPublicTensorMethod() {
        Set<String> unknown = new TreeSet<>(casesPerMethod().keySet());
        unknown.removeAll(differentiableSignatures());
        assertEquals(Set.of(), unknown, "gradient checks of methods that are not differentiable Tensor methods");
    }

    @Test
    void everyExclusionNamesAPublicTensorMethod() {
        Set<String> names = Arrays.stream(Tensor.class.getMethods()).map(Method::getName).collect(Collectors.toSet());
        Set<String> stale = new TreeSet<>(NOT_DIFFERENTIABLE.keySet());
        stale.removeAll(names);
        assertEquals(Set.of(), stale, "exclusions that no longer name a Tensor method");
    }

    @Test
    void everyPrimitiveRunsUnderSomeGradientCheck() throws IllegalAccessException {
        Set<String> recorded = new TreeSet<>();
        GradCases.all().forEach(gradCase -> recorded.addAll(recordedOps(gradCase)));
        Set<String> primitives = new TreeSet<>();
        for (Class<?> primitive : listedPrimitives()) {
            primitives.add(primitive.getSimpleName().toLowerCase(Locale.ROOT));
        }
        Set<String> unchecked = new TreeSet<>(primitives);
        unchecked.removeAll(recorded);
        assertEquals(Set.of(), unchecked, "primitives in Primitives that no gradient check runs");
        Set<String> unlisted = new TreeSet<>(recorded);
        unlisted.removeAll(primitives);
        assertEquals(Set.of(), unlisted, "recorded ops missing from Primitives");
    }

    /** Every class in the public {@code List<Class<?>>} fields of {@link Primitives}. */
    private static List<Class<?>> listedPrimitives() throws IllegalAccessException {
        List<Class<?>> classes = new java.util.ArrayList<>();
        for (Field field : Primitives.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == List.class) {
                for (Object element : (List<?>) field.get(null)) {
                    classes.add((Class<?>) element);
                }
            }
        }
        assertTrue(classes.size() > 1, "Primitives lists no classes");
        return classes;
    }

    /** The lower-cased op names of every node in the graph the case's function records. */
    private static Set<String> recordedOps(GradCase gradCase) {
        Tensor[] leaves = Arrays.stream(gradCase.inputs()).map(input -> input.copy().requiresGrad(true))
                .toArray(Tensor[]::new);
        Tensor output = gradCase.function().apply(leaves);
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
