package org.equireg.regularizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Diagnostics of every pair of a regularizer, from {@link EquivarianceError#report(int)} or
 * {@link EquivarianceError#report(org.equireg.core.Tensor)}; {@link #toString()} prints them as an
 * aligned table.
 *
 * @param pairs one row per pair, in the regularizer's order
 * @param batches the number of independent batches of points
 * @param samplesPerBatch the points per batch
 * @param distance the distance's name
 */
public record EquivarianceReport(List<PairReport> pairs, int batches, int samplesPerBatch, String distance) {

    private static final String[] HEADER = {"pair", "points", "error", "std.err", "95% interval", "relative",
        "active", "epsilon", "lambda", "penalty"};

    /** The table: a header line, then one aligned line per pair. */
    @Override
    public String toString() {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (PairReport row : pairs) {
            lines.add(new String[] {row.pair(), Integer.toString(row.samples()), number(row.meanError()),
                number(row.standardError()), "[" + number(row.lower95()) + ", " + number(row.upper95()) + "]",
                number(row.relativeError()), String.format(Locale.ROOT, "%.2f", row.hingeActiveRate()),
                number(row.epsilon()), number(row.lambda()), number(row.penalty())});
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "equivariance report: distance %s, %d batch%s"
                + " of %d points%n", distance, batches, batches == 1 ? "" : "es", samplesPerBatch));
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                // the name column is left-aligned, numbers right-aligned
                String format = c == 0 ? "%-" + widths[c] + "s" : "  %" + widths[c] + "s";
                table.append(String.format(Locale.ROOT, format, line[c]));
            }
            table.append(System.lineSeparator());
        }
        return table.toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4e", value);
    }
}
