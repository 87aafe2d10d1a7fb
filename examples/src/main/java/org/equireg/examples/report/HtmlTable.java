package org.equireg.examples.report;

import org.equireg.examples.cli.TextTable;

/** A {@link TextTable} as an HTML {@code <table class="results">}, each cell aligned as in the text. */
public final class HtmlTable {
    private HtmlTable() {
    }

    /** Appends {@code table} to {@code page}. */
    public static void append(StringBuilder page, TextTable table) {
        page.append("<table class=\"results\">\n<tr>");
        for (TextTable.Column column : table.columns()) {
            page.append("<th class=\"").append(alignClass(column)).append("\">").append(Xml.escape(column.header())).append("</th>");
        }
        page.append("</tr>\n");
        for (String[] row : table.rows()) {
            page.append("<tr>");
            for (int c = 0; c < row.length; c++) {
                page.append("<td class=\"").append(alignClass(table.columns().get(c))).append("\">").append(Xml.escape(row[c])).append("</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</table>\n");
    }

    private static String alignClass(TextTable.Column column) {
        return column.align() == TextTable.Align.RIGHT ? "right" : "left";
    }
}
