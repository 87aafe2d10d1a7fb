package org.equireg.examples.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns: a header, a rule of dashes, the rows. Text columns are
 * left-aligned and number columns right-aligned; columns are separated by two spaces.
 */
public final class TextTable {

    /** How a column's cells line up. */
    public enum Align { LEFT, RIGHT }

    /** A column's header and alignment. */
    public record Column(String header, Align align) {
    }

    private final List<Column> columns;
    private final List<String[]> rows = new ArrayList<>();

    /** A table with these columns, in order. */
    public TextTable(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("TextTable: needs at least one column");
        }
        this.columns = List.copyOf(columns);
    }

    /** Appends a row; it needs one cell per column. */
    public TextTable addRow(String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("TextTable.addRow: expected " + columns.size() + " cells, got " + cells.length);
        }
        rows.add(cells.clone());
        return this;
    }

    /** The columns, in order. */
    public List<Column> columns() {
        return columns;
    }

    /** The rows added so far (copies). */
    public List<String[]> rows() {
        List<String[]> copies = new ArrayList<>();
        rows.forEach(row -> copies.add(row.clone()));
        return copies;
    }

    /** The table as lines ending in '\n', without trailing spaces. */
    public String render() {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).header().length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        String[] headers = columns.stream().map(Column::header).toArray(String[]::new);
        appendLine(text, headers, widths);
        String[] rule = new String[widths.length];
        for (int c = 0; c < widths.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        appendLine(text, rule, widths);
        rows.forEach(row -> appendLine(text, row, widths));
        return text.toString();
    }

    private void appendLine(StringBuilder text, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append("  ");
            }
            boolean right = columns.get(c).align() == Align.RIGHT;
            line.append(right ? padLeft(cells[c], widths[c]) : padRight(cells[c], widths[c]));
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    /** {@code text} followed by spaces up to {@code width} characters. */
    public static String padRight(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** Spaces then {@code text}, up to {@code width} characters. */
    public static String padLeft(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }
}
