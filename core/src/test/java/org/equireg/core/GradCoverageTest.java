package org.equireg.core;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.equireg.core.ops.GradCase;
import org.equireg.core.ops.GradCases;
import org.equireg.core.ops.Op;
import org.junit.jupiter.api.Test;

/**
 * Fails when a differentiable public method of {@link Tensor}, or a primitive listed in
 * {@link Op}, has no row in the gradient-check tables ({@link GradCases}).
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
            entry("gt", "0/1 mask"), entry("lt", "0/1 mask"), entry("eq", "0/1 mask"), entry("argmax", "indices"),
            entry("label", "sets a name for messages, returns this"));

    /**
     * How many differentiable methods (overloads counted apart) Tensor has today. Update it with the
     * method; it guards the reflective filter itself, which would otherwise pass by finding nothing.
     */
    private static final int DIFFERENTIABLE_METHODS = 65;

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
    void everyPrimitiveRunsUnderSomeGradientCheck() {
        Set<String> recorded = new TreeSet<>();
        GradCases.all().forEach(gradCase -> recorded.addAll(recordedOps(gradCase)));
        Set<String> primitives = OpCoverage.forwardPrimitives();
        Set<String> unchecked = new TreeSet<>(primitives);
        unchecked.removeAll(recorded);
        assertEquals(Set.of(), unchecked, "forward primitives of Op that no gradient check runs");
        Set<String> unlisted = new TreeSet<>(recorded);
        unlisted.removeAll(primitives);
        assertEquals(Set.of(), unlisted, "recorded ops that are not forward primitives of Op");
    }

    /** The lower-cased op names of every node in the graph the case's function records. */
    private static Set<String> recordedOps(GradCase gradCase) {
        Tensor[] leaves = Arrays.stream(gradCase.inputs()).map(input -> input.copy().requiresGrad(true))
                .toArray(Tensor[]::new);
        return OpCoverage.recorded(gradCase.function().apply(leaves));
    }
}
