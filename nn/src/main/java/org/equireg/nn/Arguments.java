package org.equireg.nn;

/** Argument checks shared by nn's public entry points, so a null fails with a message naming the method. */
final class Arguments {
    private Arguments() {
    }

    /** Returns {@code value}, or throws {@link IllegalArgumentException} "{@code method}: {@code name} is null". */
    static <T> T notNull(T value, String method, String name) {
        if (value == null) {
            throw new IllegalArgumentException(method + ": " + name + " is null");
        }
        return value;
    }
}
