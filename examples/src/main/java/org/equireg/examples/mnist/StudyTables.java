package org.equireg.examples.mnist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.equireg.examples.cli.TextTable;
import org.equireg.examples.cli.TextTable.Align;
import org.equireg.examples.cli.TextTable.Column;

/** The two result tables, and the history as CSV. */
final class StudyTables {
    private StudyTables() {
    }

    /** Study R: test accuracy at each angle (mean of +-), and the training wall and CPU time, one row per run. */
    static TextTable robustness(List<RunOutcome> outcomes) {
        List<Column> columns = new ArrayList<>(List.of(new Column("run", Align.LEFT)));
        for (int degrees : RotationAccuracy.DEGREES) {
            columns.add(new Column(degrees + " deg", Align.RIGHT));
        }
        columns.add(new Column("train time", Align.RIGHT));
        columns.add(new Column("train CPU", Align.RIGHT));
        TextTable table = new TextTable(columns);
        for (RunOutcome outcome : outcomes) {
            String[] cells = new String[columns.size()];
            cells[0] = outcome.run().name();
            double[] accuracy = outcome.rotations().accuracy();
            for (int k = 0; k < accuracy.length; k++) {
                cells[k + 1] = RunNumbers.percent(accuracy[k]);
            }
            cells[cells.length - 2] = String.format(Locale.ROOT, "%.0f s", outcome.trainSeconds());
            cells[cells.length - 1] = String.format(Locale.ROOT, "%.0f s", outcome.cpuSeconds());
            table.addRow(cells);
        }
        return table;
    }

    /**
     * Study S: upright test accuracy per seed (label draw), their mean and range, and the mean
     * training wall and CPU time; one row per run, outcomes grouped by run in the order given.
     */
    static TextTable semiSupervised(List<StudyRun> runs, long[] seeds, List<RunOutcome> outcomes) {
        List<Column> columns = new ArrayList<>(List.of(new Column("run", Align.LEFT)));
        for (long seed : seeds) {
            columns.add(new Column("seed " + seed, Align.RIGHT));
        }
        columns.add(new Column("mean", Align.RIGHT));
        columns.add(new Column("min..max", Align.RIGHT));
        columns.add(new Column("train time", Align.RIGHT));
        columns.add(new Column("train CPU", Align.RIGHT));
        TextTable table = new TextTable(columns);
        for (StudyRun run : runs) {
            List<RunOutcome> mine = outcomes.stream().filter(outcome -> outcome.run().equals(run)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            String[] cells = new String[columns.size()];
            cells[0] = run.name();
            double[] accuracy = mine.stream().mapToDouble(RunOutcome::upright).toArray();
            for (int k = 0; k < seeds.length; k++) {
                cells[k + 1] = k < accuracy.length ? RunNumbers.percent(accuracy[k]) : "-";
            }
            double min = Arrays.stream(accuracy).min().orElse(Double.NaN);
            double max = Arrays.stream(accuracy).max().orElse(Double.NaN);
            cells[seeds.length + 1] = RunNumbers.percent(Arrays.stream(accuracy).average().orElse(Double.NaN));
            cells[seeds.length + 2] = RunNumbers.percent(min) + ".." + RunNumbers.percent(max);
            cells[seeds.length + 3] = String.format(Locale.ROOT, "%.0f s", mine.stream().mapToDouble(RunOutcome::trainSeconds).average().orElse(0));
            cells[seeds.length + 4] = String.format(Locale.ROOT, "%.0f s", mine.stream().mapToDouble(RunOutcome::cpuSeconds).average().orElse(0));
            table.addRow(cells);
        }
        return table;
    }

    /** Every checkpoint of every run: study,run,seed,step,train_loss,penalty,test_accuracy. */
    static String historyCsv(List<RunOutcome> outcomes) {
        StringBuilder csv = new StringBuilder("study,run,seed,step,train_loss,penalty,test_accuracy\n");
        for (RunOutcome outcome : outcomes) {
            for (RunOutcome.Checkpoint point : outcome.history()) {
                csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.6f,%.6f,%.6f%n", outcome.run().study(), csvField(outcome.run().name()),
                        outcome.seed(), point.step(), point.trainLoss(), point.penalty(), point.testAccuracy()));
            }
        }
        return csv.toString();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    static String csvField(String text) {
        boolean plain = text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
