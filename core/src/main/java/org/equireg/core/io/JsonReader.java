package org.equireg.core.io;

/**
 * A strict pull parser for the JSON that safetensors headers hold: objects, arrays, strings and
 * integers, in RFC 8259 syntax. Fractions, exponents, {@code true}, {@code false} and {@code null}
 * never occur in a valid header and are rejected, as are integers outside the {@code long} range,
 * leading zeros, unescaped control characters, unpaired surrogates and trailing characters.
 *
 * <p>The caller walks the structure it expects, so no generic tree is built and memory stays
 * proportional to what the caller keeps. Each method takes {@code what}, a description of the
 * value being read, for the error message, which also gives the character position.
 *
 * <pre>{@code
 * reader.beginObject("the header");
 * for (String name; (name = reader.nextName("the header")) != null; ) {
 *     String value = reader.readString("member " + name);
 * }
 * reader.endDocument();
 * }</pre>
 */
final class JsonReader {
    /** Deepest nesting of objects and arrays accepted; a header needs 3. */
    static final int MAX_DEPTH = 16;

    private final String text;
    private final boolean[] atFirstMember = new boolean[MAX_DEPTH + 1];
    private int position;
    private int depth;

    JsonReader(String text) {
        this.text = text;
    }

    /** Consumes {@code '{'}. */
    void beginObject(String what) throws MalformedSafeTensorsException {
        open('{', "an object for " + what);
    }

    /** Consumes {@code '['}. */
    void beginArray(String what) throws MalformedSafeTensorsException {
        open('[', "an array for " + what);
    }

    /**
     * The name of the next member of the current object, with its {@code ':'} consumed, so the
     * caller reads the value next; or null, with the closing {@code '}'} consumed, after the last.
     */
    String nextName(String what) throws MalformedSafeTensorsException {
        skipWhitespace();
        if (peek() == '}') {
            close();
            return null;
        }
        if (!takeFirst()) {
            expect(',', "',' or '}' after a member of " + what);
        }
        String name = readString("a member name in " + what);
        skipWhitespace();
        expect(':', "':' after member \"" + Text.abbreviate(name) + "\" of " + what);
        return name;
    }

    /** True when another element of the current array follows (the caller reads it next); false after consuming {@code ']'}. */
    boolean hasNextElement(String what) throws MalformedSafeTensorsException {
        skipWhitespace();
        if (peek() == ']') {
            close();
            return false;
        }
        if (!takeFirst()) {
            expect(',', "',' or ']' after an element of " + what);
        }
        return true;
    }

    /** Reads a string, resolving escapes. */
    String readString(String what) throws MalformedSafeTensorsException {
        skipWhitespace();
        int start = position;
        expect('"', "a string for " + what);
        StringBuilder value = new StringBuilder();
        int runStart = position;
        while (true) {
            if (position == text.length()) {
                throw error(start, "unterminated string for " + what);
            }
            char c = text.charAt(position);
            if (c == '"') {
                value.append(text, runStart, position++);
                break;
            }
            if (c < 0x20) {
                throw error(position, "unescaped control character " + describe(c) + " in the string for " + what);
            }
            if (c == '\\') {
                value.append(text, runStart, position++);
                appendEscape(value, what);
                runStart = position;
            } else {
                position++;
            }
        }
        checkSurrogatesPaired(value, start, what);
        return value.toString();
    }

    /** Reads an integer in the {@code long} range. */
    long readLong(String what) throws MalformedSafeTensorsException {
        skipWhitespace();
        int start = position;
        if (peek() == '-') {
            position++;
        }
        int digitsStart = position;
        while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            position++;
        }
        if (position == digitsStart) {
            position = start;
            throw expected("an integer for " + what);
        }
        if (text.charAt(digitsStart) == '0' && position - digitsStart > 1) {
            throw error(start, "integer for " + what + " has a leading zero");
        }
        int next = peek();
        if (next == '.' || next == 'e' || next == 'E') {
            throw error(start, "number for " + what + " is not an integer; a safetensors header holds only integers");
        }
        try {
            return Long.parseLong(text, start, position, 10);
        } catch (NumberFormatException outOfRange) {
            String digits = position - start <= 24 ? text.substring(start, position) : text.substring(start, start + 20) + "...";
            throw error(start, "integer " + digits + " for " + what + " is out of the 64-bit range");
        }
    }

    /** Checks that nothing but whitespace follows the top-level value. */
    void endDocument() throws MalformedSafeTensorsException {
        skipWhitespace();
        if (position != text.length()) {
            throw error(position, "unexpected " + describe(peek()) + " after the end of the header object");
        }
    }

    private void open(char bracket, String expectation) throws MalformedSafeTensorsException {
        skipWhitespace();
        if (depth == MAX_DEPTH) {
            throw error(position, "JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        expect(bracket, expectation);
        atFirstMember[++depth] = true;
    }

    private void close() {
        position++;
        depth--;
    }

    private boolean takeFirst() {
        boolean first = atFirstMember[depth];
        atFirstMember[depth] = false;
        return first;
    }

    private void appendEscape(StringBuilder value, String what) throws MalformedSafeTensorsException {
        int escapeStart = position - 1;
        int c = peek();
        position++;
        switch (c) {
            case '"', '\\', '/' -> value.append((char) c);
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'u' -> value.append(readHexCodeUnit(escapeStart, what));
            default -> throw error(escapeStart, "invalid escape \\ followed by " + describe(c)
                    + " in the string for " + what);
        }
    }

    private char readHexCodeUnit(int escapeStart, String what) throws MalformedSafeTensorsException {
        int codeUnit = 0;
        for (int i = 0; i < 4; i++) {
            int digit = hexValue(peek());
            if (digit < 0) {
                throw error(escapeStart, "\\u escape without four hex digits in the string for " + what);
            }
            codeUnit = codeUnit << 4 | digit;
            position++;
        }
        return (char) codeUnit;
    }

    private static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    // Escapes can spell lone surrogates, which have no UTF-8 form and would not survive a round trip.
    private void checkSurrogatesPaired(CharSequence value, int start, String what) throws MalformedSafeTensorsException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw error(start, "unpaired surrogate " + describe(c) + " in the string for " + what);
            }
        }
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private int peek() {
        return position < text.length() ? text.charAt(position) : -1;
    }

    private void expect(char c, String expectation) throws MalformedSafeTensorsException {
        if (peek() != c) {
            throw expected(expectation);
        }
        position++;
    }

    private MalformedSafeTensorsException expected(String expectation) {
        return error(position, "expected " + expectation + ", found " + describe(peek()));
    }

    private static MalformedSafeTensorsException error(int at, String message) {
        return new MalformedSafeTensorsException("bad header JSON at character " + at + ": " + message);
    }

    /** A character for a message; -1 is the end of the text. */
    private static String describe(int c) {
        if (c < 0) {
            return "the end of the header";
        }
        return c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : String.format("U+%04X", c);
    }
}
