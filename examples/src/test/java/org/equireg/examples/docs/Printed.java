package org.equireg.examples.docs;

import java.util.regex.Pattern;

/** Comparing printed text across JDKs. */
final class Printed {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d+(?:E-?\\d+)?");

    private Printed() {
    }

    /**
     * Every decimal number re-printed by this JDK: JDK 19 changed {@code Double.toString} to the
     * shortest digits that round-trip, so a document printed on JDK 17 and a run on JDK 25 may spell
     * one double differently.
     */
    static String canonical(String text) {
        return NUMBER.matcher(text).replaceAll(match -> Double.toString(Double.parseDouble(match.group())));
    }
}
