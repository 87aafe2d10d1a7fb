package org.equireg.spark.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A full grid of settings: every combination of the axes' values, the last axis varying fastest.
 *
 * <pre>{@code
 * List<Settings> grid = Grid.axis("distance", "kl", "ce_logits").axis("lambda", 0.3, 1.0).settings();
 * }</pre>
 */
public final class Grid {
    private final Map<String, List<Object>> axes = new LinkedHashMap<>();

    private Grid() {
    }

    /** A grid with one axis. */
    public static Grid axis(String name, Object... values) {
        return new Grid().and(name, values);
    }

    /** Adds an axis; its values must be distinct and of one type. Returns this. */
    public Grid and(String name, Object... values) {
        Settings.checkedName(name);
        if (axes.containsKey(name)) {
            throw new IllegalArgumentException("Grid: axis '" + name + "' given twice");
        }
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("Grid: axis '" + name + "' has no values");
        }
        List<Object> normalized = new ArrayList<>();
        for (Object value : values) {
            Object one = Settings.of(name, value).get(name);
            if (normalized.contains(one)) {
                throw new IllegalArgumentException("Grid: axis '" + name + "' lists " + one + " twice");
            }
            if (!normalized.isEmpty() && normalized.get(0).getClass() != one.getClass()) {
                throw new IllegalArgumentException("Grid: axis '" + name + "' mixes " + normalized.get(0).getClass().getSimpleName()
                        + " and " + one.getClass().getSimpleName() + " values");
            }
            normalized.add(one);
        }
        axes.put(name, List.copyOf(normalized));
        return this;
    }

    /** Every combination, the first axis varying slowest. */
    public List<Settings> settings() {
        List<Map<String, Object>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        axes.forEach((name, values) -> {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> prefix : combinations) {
                for (Object value : values) {
                    Map<String, Object> combination = new LinkedHashMap<>(prefix);
                    combination.put(name, value);
                    next.add(combination);
                }
            }
            combinations.clear();
            combinations.addAll(next);
        });
        return combinations.stream().map(Settings::new).toList();
    }
}
