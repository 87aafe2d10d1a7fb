package org.equireg.core;

/**
 * The null check behind every public entry point of core, nn and the regularizer: a null argument
 * fails with an {@link IllegalArgumentException} whose message names the method and the argument.
 */
public final class Arguments {
    private Arguments() {
    }

    /**
     * Returns {@code value}, or throws {@link IllegalArgumentException} "{@code method}: {@code name} is null".
     *
     * @param method the public entry point, as its users write it (such as {@code "Linear.forward"})
     * @param name the argument's name in that method
     */
    public static <T> T notNull(T value, String method, String name) {
        if (value == null) {
            throw new IllegalArgumentException(method + ": " + name + " is null");
        }
        return value;
    }
}
