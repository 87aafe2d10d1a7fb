package org.equireg.regularizer.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;
import org.equireg.regularizer.Distance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The table of bad arguments, one row or more per public entry point of core, nn and the
 * regularizer: each call must raise the row's exception (IllegalArgumentException, or IOException
 * for files) whose message names the method, the argument and the offending value or shape.
 * {@link #everyPublicMethodHasARowOrAReason} enumerates the entry points by reflection
 * ({@link PublicApi}) and fails for one with neither a row nor an entry in {@link SweepExclusions}.
 */
class ValidationSweepTest {

    static Stream<SweepRow> rows() {
        return Stream.of(CoreSweep.rows(), NnSweep.rows(), RegularizerSweep.rows()).flatMap(rows -> rows);
    }

    @TestFactory
    Stream<DynamicTest> everyBadArgumentIsRejectedClearly() {
        return rows().map(row -> DynamicTest.dynamicTest(row.name(), () -> {
            Exception error = assertThrows(row.type(), row.call(), row.name());
            String message = String.valueOf(error.getMessage());
            for (String fragment : row.fragments()) {
                assertTrue(message.contains(fragment), row.name() + ": '" + fragment + "' missing from: " + message);
            }
        }));
    }

    @Test
    void everyPublicMethodHasARowOrAReason() {
        SortedSet<String> api = PublicApi.signatures(Tensor.class, Module.class, Distance.class);
        Set<String> covered = rows().map(SweepRow::method).collect(Collectors.toSet());
        Map<String, String> excluded = SweepExclusions.METHODS;
        List<String> problems = new ArrayList<>();
        for (String method : api) {
            boolean inExcludedPackage = SweepExclusions.PACKAGES.keySet().stream()
                    .anyMatch(prefix -> method.startsWith(prefix + "."));
            if (!inExcludedPackage && !covered.contains(method) && !excluded.containsKey(method)) {
                problems.add("no row and no exclusion: " + method);
            }
            if (covered.contains(method) && excluded.containsKey(method)) {
                problems.add("both a row and an exclusion: " + method);
            }
        }
        for (String method : new TreeSet<>(covered)) {
            if (!api.contains(method)) {
                problems.add("a row names no public method: " + method);
            }
        }
        for (String method : excluded.keySet()) {
            if (!api.contains(method)) {
                problems.add("an exclusion names no public method: " + method);
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n" + String.join("\n", problems));
        }
        long checked = api.stream().filter(method -> covered.contains(method) || excluded.containsKey(method)).count();
        assertEquals(checked, covered.size() + excluded.size());
        System.out.println("ValidationSweepTest: " + api.size() + " public methods taking arguments, " + covered.size()
                + " with rows (" + rows().count() + " rows), " + excluded.size() + " excluded with a reason, " + (api.size() - checked)
                + " in excluded packages " + SweepExclusions.PACKAGES.keySet());
    }
}
