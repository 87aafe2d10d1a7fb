package org.equireg.examples.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed command line: the declared flags with their given or default values.
 *
 * <p>Accepts {@code --name value} and {@code --name=value}; a switch takes no value. Unknown flags,
 * positional arguments, repeated flags, missing values and values of the wrong type are
 * {@link UsageException}s naming the flag, so a program can print {@link #usage} and exit with
 * status 2.
 */
public final class Flags {
    private final Map<String, Flag> declared;
    private final Map<String, String> given;

    private Flags(Map<String, Flag> declared, Map<String, String> given) {
        this.declared = declared;
        this.given = given;
    }

    /** Parses {@code args} against {@code flags}. Not modified. */
    public static Flags parse(List<Flag> flags, String... args) throws UsageException {
        Map<String, Flag> declared = new LinkedHashMap<>();
        flags.forEach(flag -> declared.put(flag.name(), flag));
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            if (!argument.startsWith("--") || argument.length() == 2) {
                throw new UsageException("unexpected argument '" + argument + "'");
            }
            int equals = argument.indexOf('=');
            String name = equals < 0 ? argument.substring(2) : argument.substring(2, equals);
            Flag flag = declared.get(name);
            if (flag == null) {
                throw new UsageException("unknown flag --" + name);
            }
            if (given.containsKey(name)) {
                throw new UsageException("flag --" + name + " given twice");
            }
            String value;
            if (!flag.takesValue()) {
                if (equals >= 0) {
                    throw new UsageException("flag --" + name + " takes no value");
                }
                value = "true";
            } else if (equals >= 0) {
                value = argument.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("flag --" + name + " needs a value " + flag.valueName());
            }
            given.put(name, value);
        }
        return new Flags(declared, given);
    }

    /** True when the flag was on the command line. */
    public boolean isSet(String name) {
        flag(name);
        return given.containsKey(name);
    }

    /** The given value, else the default. */
    public String string(String name) throws UsageException {
        String value = given.getOrDefault(name, flag(name).defaultValue());
        if (value == null || value.isEmpty()) {
            throw new UsageException("flag --" + name + " needs a value");
        }
        return value;
    }

    /** The value as an integer in [min, max]. */
    public int integer(String name, int min, int max) throws UsageException {
        String text = string(name);
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException("flag --" + name + " needs an integer, got '" + text + "'");
        }
        if (value < min || value > max) {
            throw new UsageException("flag --" + name + " must lie in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /** The value as a long (any value, e.g. a seed). */
    public long longInteger(String name) throws UsageException {
        String text = string(name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException("flag --" + name + " needs an integer, got '" + text + "'");
        }
    }

    /** The value as a finite double that is not negative. */
    public double nonNegative(String name) throws UsageException {
        String text = string(name);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException("flag --" + name + " needs a number, got '" + text + "'");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new UsageException("flag --" + name + " needs a finite number >= 0, got " + text);
        }
        return value;
    }

    /** The value as a path (not checked for existence). */
    public Path path(String name) throws UsageException {
        try {
            return Path.of(string(name));
        } catch (InvalidPathException e) {
            throw new UsageException("flag --" + name + " needs a path: " + e.getMessage());
        }
    }

    private Flag flag(String name) {
        Flag flag = declared.get(name);
        if (flag == null) {
            throw new IllegalArgumentException("Flags: '" + name + "' was never declared; declared: " + declared.keySet());
        }
        return flag;
    }

    /**
     * A usage message: {@code usage: command [flags]}, the summary, then one aligned line per flag
     * with its default.
     */
    public static String usage(String command, String summary, List<Flag> flags) {
        StringBuilder text = new StringBuilder("usage: ").append(command).append(" [flags]\n").append(summary).append("\n\nflags:\n");
        int width = 0;
        for (Flag flag : flags) {
            width = Math.max(width, spelling(flag).length());
        }
        for (Flag flag : flags) {
            text.append("  ").append(TextTable.padRight(spelling(flag), width)).append("  ").append(flag.description());
            if (flag.defaultValue() != null) {
                text.append(" (default: ").append(flag.defaultValue()).append(')');
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String spelling(Flag flag) {
        return "--" + flag.name() + (flag.takesValue() ? " " + flag.valueName() : "");
    }
}
