package org.equireg.spark.sweep;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One configuration of a sweep: named settings in a fixed order, each a {@link String},
 * {@link Long} (ints are widened), {@link Double} or {@link Boolean}. These four map to the
 * result's Spark column types (string, bigint, double, boolean).
 *
 * @param values the settings by name, in column order (copied; unmodifiable)
 */
public record Settings(Map<String, Object> values) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Checks names and values and keeps an ordered, unmodifiable copy. */
    public Settings {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("Settings: need at least one setting, got " + values);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> copy.put(checkedName(name), normalized(name, value)));
        values = Collections.unmodifiableMap(copy);
    }

    /** Settings from alternating names and values: {@code Settings.of("distance", "kl", "lambda", 1.0)}. */
    public static Settings of(Object... namesAndValues) {
        if (namesAndValues.length == 0 || namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Settings.of: needs name, value pairs, got " + namesAndValues.length + " arguments");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name)) {
                throw new IllegalArgumentException("Settings.of: argument " + i + " must be a setting name, got " + namesAndValues[i]);
            }
            if (values.put(name, namesAndValues[i + 1]) != null) {
                throw new IllegalArgumentException("Settings.of: setting '" + name + "' given twice");
            }
        }
        return new Settings(values);
    }

    /** The setting names, in order. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** The value of {@code name}; throws naming the known settings when there is none. */
    public Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Settings: no setting '" + name + "'; have " + values.keySet());
        }
        return value;
    }

    /** A string setting. */
    public String string(String name) {
        return get(name).toString();
    }

    /** A numeric setting as a double. */
    public double number(String name) {
        if (get(name) instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException("Settings: setting '" + name + "' is not a number: " + get(name));
    }

    /** {@code name=value} pairs joined by commas: the run's identity in file names and logs. */
    public String canonical() {
        StringJoiner text = new StringJoiner(",");
        values.forEach((name, value) -> text.add(name + "=" + value));
        return text.toString();
    }

    @Override
    public String toString() {
        return canonical();
    }

    /** Names become column names and file keys: letters, digits and underscores, not starting with a digit. */
    static String checkedName(String name) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("Settings: a name must match [A-Za-z_][A-Za-z0-9_]*, got '" + name + "'");
        }
        return name;
    }

    private static Object normalized(String name, Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        throw new IllegalArgumentException("Settings: setting '" + name + "' must be a String, integer, Double or Boolean, got "
                + (value == null ? "null" : value.getClass().getName() + " " + value));
    }
}
