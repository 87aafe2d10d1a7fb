package org.equireg.examples.report;

/** Text escaping for XML and HTML, so reports stay well formed whatever the labels hold. */
public final class Xml {
    private Xml() {
    }

    /** {@code text} with {@code & < > " '} replaced by entities XML knows without a DTD. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
