package org.equireg.examples.cli;

/**
 * One command-line flag, written {@code --name value}, {@code --name=value}, or just {@code --name}
 * for a switch.
 *
 * @param name         the name without the leading dashes, e.g. {@code "epochs"}
 * @param valueName    what the value is, shown in the usage message (e.g. {@code "N"}); null for a switch
 * @param defaultValue the value when the flag is absent; null when there is none
 * @param description  one line for the usage message
 */
public record Flag(String name, String valueName, String defaultValue, String description) {

    /** A flag that takes a value. */
    public static Flag option(String name, String valueName, String defaultValue, String description) {
        return new Flag(name, valueName, defaultValue, description);
    }

    /** A flag without a value, such as {@code --help}. */
    public static Flag toggle(String name, String description) {
        return new Flag(name, null, null, description);
    }

    /** True unless this is a switch. */
    public boolean takesValue() {
        return valueName != null;
    }
}
