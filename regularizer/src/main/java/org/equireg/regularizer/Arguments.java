package org.equireg.regularizer;

/**
 * Argument checks shared by this package's public entry points: a null fails with an
 * {@link IllegalArgumentException} naming the method and the argument, as in core and nn.
 */
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
