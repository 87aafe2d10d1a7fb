package org.equireg.examples.digits;

import java.util.List;
import java.util.Locale;
import org.equireg.examples.cli.TextTable;
import org.equireg.examples.cli.TextTable.Align;
import org.equireg.examples.cli.TextTable.Column;

/** The demo's final table: one row per run, the same cells in the terminal, table.txt and report.html. */
public final class ResultsTable {
    private ResultsTable() {
    }

    /** The table for these runs, in order. */
    public static TextTable of(List<RunResult> results) {
        TextTable table = new TextTable(List.of(
                new Column("#", Align.RIGHT),
                new Column("run", Align.LEFT),
                new Column("lambda", Align.RIGHT),
                new Column("eps", Align.RIGHT),
                new Column("samples", Align.LEFT),
                new Column("pairs", Align.RIGHT),
                new Column("acc 0", Align.RIGHT),
                new Column("acc 90", Align.RIGHT),
                new Column("acc 180", Align.RIGHT),
                new Column("acc 270", Align.RIGHT),
                new Column("equiv. error +- s.e.", Align.RIGHT),
                new Column("train time", Align.RIGHT)));
        for (int i = 0; i < results.size(); i++) {
            RunResult result = results.get(i);
            RunSpec spec = result.spec();
            Evaluation test = result.test();
            boolean on = spec.regularized();
            table.addRow(
                    String.valueOf(i + 1),
                    spec.name(),
                    on ? RunSpec.number(spec.lambda()) : "-",
                    on ? RunSpec.number(spec.epsilon()) : "-",
                    spec.sampling(),
                    on ? String.valueOf(spec.numFuncs()) : "-",
                    percent(test.accuracy()[0]),
                    percent(test.accuracy()[1]),
                    percent(test.accuracy()[2]),
                    percent(test.accuracy()[3]),
                    String.format(Locale.ROOT, "%.3f +- %.3f", test.equivarianceError(), test.equivarianceStdError()),
                    String.format(Locale.ROOT, "%.1f s", result.trainSeconds()));
        }
        return table;
    }

    /** A fraction as a percentage with one decimal: 0.9755 gives "97.6%". */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
