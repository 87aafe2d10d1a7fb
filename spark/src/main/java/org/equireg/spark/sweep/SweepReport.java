package org.equireg.spark.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sweep's self-contained HTML report (well-formed XHTML, inline SVG, no scripts), in the style
 * of the MNIST study's: the configurations ranked by the primary metric with its spread over seeds,
 * one chart per setting that takes more than one value (the metric against the setting's values, one line per combination of the
 * other settings, whiskers from the lowest to the highest seed, a dot per seed), and the failed
 * runs with their errors.
 */
final class SweepReport {
    private static final String[] COLORS = {"#1f6fb4", "#e6730f", "#2a9d3a", "#c0261d", "#8c564b", "#b5179e", "#6b6b6b", "#17becf",
        "#bcbd22", "#9467bd"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 280;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final String STYLE = String.join("\n",
            "body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; max-width: 1080px; margin: 24px auto; padding: 0 16px; color: #222; }",
            "h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 18px; margin-top: 30px; border-bottom: 1px solid #ddd; }",
            "table.results { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }",
            "table.results th, table.results td { padding: 4px 9px; border-bottom: 1px solid #e4e4e4; white-space: nowrap; }",
            "table.results th { background: #f4f4f4; } .right { text-align: right; } .left { text-align: left; }",
            ".note { color: #555; font-size: 13px; } .charts svg { display: block; margin-bottom: 10px; }",
            "ul.series li { margin: 2px 0; font-size: 13px; } .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px; }",
            "pre.error { font-size: 11px; margin: 0; white-space: pre-wrap; }", "");

    private SweepReport() {
    }

    /** The page. */
    static String html(String title, SweepTable table, String primaryMetric, int seedCount, int skipped, int ran, double seconds,
                       String environment) {
        List<RunRecord> records = table.records();
        long failed = records.stream().filter(record -> !record.ok()).count();
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<h1>")
                .append(escape(title)).append("</h1>\n<p>").append(String.format(Locale.ROOT,
                        "%d runs: %d configurations x %d seeds; %d ok, %d failed; %d ran now, %d were finished before.",
                        records.size(), records.size() / seedCount, seedCount, records.size() - failed, failed, ran, skipped))
                .append("</p>\n");
        String metric = primaryMetric != null && table.metricNames().contains(primaryMetric) ? primaryMetric
                : table.metricNames().isEmpty() ? null : table.metricNames().get(0);
        if (primaryMetric != null && !primaryMetric.equals(metric)) {
            page.append("<p class=\"note\">No run returned the primary metric '").append(escape(primaryMetric)).append("'")
                    .append(metric == null ? "." : "; ranked by '" + escape(metric) + "' instead.").append("</p>\n");
        }
        if (metric != null) {
            appendRanking(page, table, metric);
            page.append("<h2>").append(escape(metric)).append(" against each setting</h2>\n<div class=\"charts\">\n");
            for (String setting : table.settingNames()) {
                if (table.records().stream().map(record -> record.key().settings().get(setting)).distinct().count() > 1) {
                    appendChart(page, table, metric, setting); // a setting with one value has nothing to compare
                }
            }
            page.append("</div>\n");
        }
        appendFailures(page, table);
        page.append("<p class=\"note\">").append(escape(environment))
                .append(String.format(Locale.ROOT, "; this session %.0f s.", seconds)).append("</p>\n</body>\n</html>\n");
        return page.toString();
    }

    private static void appendRanking(StringBuilder page, SweepTable table, String metric) {
        List<ConfigStats> stats = new ArrayList<>(ConfigStats.of(table.records(), metric));
        stats.sort(Comparator.comparingDouble((ConfigStats one) -> one.count() == 0 ? Double.NEGATIVE_INFINITY : one.mean()).reversed());
        page.append("<h2>Configurations by mean ").append(escape(metric)).append(" over seeds</h2>\n<table class=\"results\">\n<tr><th>#</th>");
        table.settingNames().forEach(name -> page.append("<th class=\"left\">").append(escape(name)).append("</th>"));
        page.append("<th>runs</th><th>mean</th><th>sd</th><th>min</th><th>max</th>");
        List<String> others = table.metricNames().stream().filter(name -> !name.equals(metric)).toList();
        others.forEach(name -> page.append("<th>").append(escape(name)).append(" (mean)</th>"));
        page.append("</tr>\n");
        Map<Settings, Map<String, ConfigStats>> otherStats = new LinkedHashMap<>();
        for (String other : others) {
            for (ConfigStats one : ConfigStats.of(table.records(), other)) {
                otherStats.computeIfAbsent(one.settings(), key -> new LinkedHashMap<>()).put(other, one);
            }
        }
        int rank = 1;
        for (ConfigStats one : stats) {
            page.append("<tr><td class=\"right\">").append(rank++).append("</td>");
            one.settings().values().values().forEach(value -> page.append("<td class=\"left\">").append(escape(value.toString())).append("</td>"));
            page.append(cell(one.count())).append(cell(one.mean())).append(cell(one.standardDeviation())).append(cell(one.min()))
                    .append(cell(one.max()));
            for (String other : others) {
                ConfigStats stat = otherStats.getOrDefault(one.settings(), Map.of()).get(other);
                page.append(cell(stat == null ? Double.NaN : stat.mean()));
            }
            page.append("</tr>\n");
        }
        page.append("</table>\n<p class=\"note\">sd: sample standard deviation over seeds; configurations whose runs all failed are last.</p>\n");
    }

    /** The metric against one setting's values; one line per combination of the other settings. */
    private static void appendChart(StringBuilder page, SweepTable table, String metric, String setting) {
        List<ConfigStats> stats = ConfigStats.of(table.records(), metric);
        List<Object> xs = new ArrayList<>(new LinkedHashSet<>(stats.stream().map(one -> one.settings().get(setting)).toList()));
        Map<String, List<ConfigStats>> lines = new LinkedHashMap<>();
        for (ConfigStats one : stats) {
            lines.computeIfAbsent(othersLabel(one.settings(), setting), key -> new ArrayList<>()).add(one);
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (ConfigStats one : stats) {
            for (double value : one.values()) {
                if (Double.isFinite(value)) {
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
        }
        if (low > high) {
            return; // no finite value to draw
        }
        if (high - low < 1e-12) {
            low -= 0.5;
            high += 0.5;
        }
        double pad = 0.05 * (high - low);
        double yLow = low - pad;
        double yHigh = high + pad;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">"
                        + "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s against %s</text>",
                WIDTH, HEIGHT, WIDTH, HEIGHT, LEFT, escape(metric), escape(setting)));
        for (int tick = 0; tick <= 4; tick++) {
            double value = yLow + (yHigh - yLow) * tick / 4;
            double y = TOP + plotHeight * (1 - tick / 4.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4, number(value)));
        }
        for (int i = 0; i < xs.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", xOf(i, xs.size(), plotWidth),
                    HEIGHT - BOTTOM + 18, escape(xs.get(i).toString())));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>", LEFT + plotWidth / 2,
                HEIGHT - 6, escape(setting)));
        int line = 0;
        for (List<ConfigStats> series : lines.values()) {
            String color = COLORS[line++ % COLORS.length];
            double offset = (line - (lines.size() + 1) / 2.0) * 3; // a few pixels apart so whiskers do not hide each other
            StringBuilder path = new StringBuilder();
            for (ConfigStats one : series) {
                if (one.count() == 0) {
                    continue;
                }
                double x = xOf(xs.indexOf(one.settings().get(setting)), xs.size(), plotWidth) + offset;
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, yOf(one.mean(), yLow, yHigh)));
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.5\"/>",
                        x, yOf(one.min(), yLow, yHigh), x, yOf(one.max(), yLow, yHigh), color));
                for (double value : one.values()) {
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"%s\" fill-opacity=\"0.5\"/>", x,
                            yOf(value, yLow, yHigh), color));
                }
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>", x, yOf(one.mean(), yLow, yHigh), color));
            }
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.5\"/>");
        }
        page.append(svg).append("</svg>\n<ul class=\"series\">\n");
        line = 0;
        for (String label : lines.keySet()) {
            page.append("<li><span class=\"swatch\" style=\"background:").append(COLORS[line++ % COLORS.length]).append("\"></span>")
                    .append(escape(label.isEmpty() ? "all runs" : label)).append("</li>\n");
        }
        page.append("</ul>\n");
    }

    private static void appendFailures(StringBuilder page, SweepTable table) {
        List<RunRecord> failed = table.records().stream().filter(record -> !record.ok()).toList();
        if (failed.isEmpty()) {
            return;
        }
        page.append("<h2>Failed runs</h2>\n<table class=\"results\">\n<tr><th class=\"left\">settings</th><th>seed</th>")
                .append("<th class=\"left\">error</th></tr>\n");
        for (RunRecord record : failed) {
            page.append("<tr><td class=\"left\">").append(escape(record.key().settings().canonical())).append("</td>")
                    .append(cell(record.key().seed())).append("<td class=\"left\"><pre class=\"error\">").append(escape(record.error()))
                    .append("</pre></td></tr>\n");
        }
        page.append("</table>\n");
    }

    private static String othersLabel(Settings settings, String except) {
        Set<String> parts = new LinkedHashSet<>();
        settings.values().forEach((name, value) -> {
            if (!name.equals(except)) {
                parts.add(name + "=" + value);
            }
        });
        return String.join(", ", parts);
    }

    private static double xOf(int index, int count, double plotWidth) {
        return LEFT + plotWidth * (index + 0.5) / count;
    }

    private static double yOf(double value, double low, double high) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (value - low) / (high - low));
    }

    private static String cell(double value) {
        return "<td class=\"right\">" + (Double.isNaN(value) ? "-" : number(value)) + "</td>";
    }

    private static String cell(long value) {
        return "<td class=\"right\">" + value + "</td>";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    /** Escapes text for XHTML content and attribute values. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
