package org.equireg.examples.mnist;

import java.util.Locale;

/** Number formatting shared by the tables and the report. */
final class RunNumbers {
    private RunNumbers() {
    }

    /** A setting without trailing zeros: 1, 0.1, 1e-3. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e6) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }

    /** An accuracy in [0, 1] as a percentage with one decimal: "95.8%". */
    static String percent(double accuracy) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * accuracy);
    }
}
