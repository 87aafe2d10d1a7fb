package org.equireg.core.io;

/** Shortening of untrusted strings (tensor names, numbers) before they go into an error message. */
final class Text {
    private static final int LIMIT = 64;

    private Text() {
    }

    /** {@code s} itself when short, else its start followed by its length. */
    static String abbreviate(String s) {
        return s.length() <= LIMIT ? s : s.substring(0, LIMIT) + "... (" + s.length() + " characters)";
    }

    /** A tensor name in quotes, abbreviated. */
    static String quote(String name) {
        return "\"" + abbreviate(name) + "\"";
    }
}
