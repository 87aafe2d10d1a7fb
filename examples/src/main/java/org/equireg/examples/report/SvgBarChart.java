package org.equireg.examples.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart as inline SVG for results repeated over seeds: per category a bar at the mean, a
 * whisker from the smallest to the largest value, and a dot per value; the mean written above.
 */
public final class SvgBarChart {
    private static final int LEFT = 58;
    private static final int TOP = 34;
    private static final int BOTTOM = 64;
    private static final int RIGHT = 20;

    /**
     * One bar.
     *
     * @param name   the category, written under the bar
     * @param color  fill colour
     * @param values the repeated results (at least one); not modified
     */
    public record Bar(String name, String color, double[] values) {
    }

    private SvgBarChart() {
    }

    /** The chart with the y axis fixed to {@code [yMin, yMax]} and ticks every {@code yStep}. */
    public static String render(String title, List<Bar> bars, double yMin, double yMax, double yStep, boolean percent, int width,
                                int height) {
        if (bars.isEmpty() || !(yMax > yMin) || !(yStep > 0) || width <= LEFT + RIGHT || height <= TOP + BOTTOM) {
            throw new IllegalArgumentException("SvgBarChart.render(" + title + "): needs bars, yMax > yMin, yStep > 0 and room, got "
                    + bars.size() + " bars, [" + yMin + ", " + yMax + "] step " + yStep + ", " + width + "x" + height);
        }
        for (Bar bar : bars) {
            if (bar.values().length == 0) {
                throw new IllegalArgumentException("SvgBarChart.render(" + title + "): bar '" + bar.name() + "' has no values");
            }
        }
        double plotWidth = width - LEFT - RIGHT;
        double plotHeight = height - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">"
                        + "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>",
                width, height, width, height, LEFT, Xml.escape(title)));
        for (int i = 0; yMin + i * yStep <= yMax + yStep * 1e-6; i++) {
            double value = yMin + i * yStep;
            double y = y(value, yMin, yMax, plotHeight);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#444444\">%s</text>",
                    LEFT, y, LEFT + plotWidth, y, LEFT - 6, y + 4, label(value, percent)));
        }
        double slot = plotWidth / bars.size();
        for (int b = 0; b < bars.size(); b++) {
            appendBar(svg, bars.get(b), LEFT + slot * b, slot, yMin, yMax, plotHeight, percent);
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#888888\"/>",
                LEFT, TOP, plotWidth, plotHeight));
        return svg.append("</svg>").toString();
    }

    private static void appendBar(StringBuilder svg, Bar bar, double left, double slot, double yMin, double yMax, double plotHeight,
                                  boolean percent) {
        double[] values = bar.values();
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            mean += value / values.length;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        double centre = left + slot / 2;
        double barWidth = slot * 0.56;
        double top = y(Math.max(mean, yMin), yMin, yMax, plotHeight);
        double bottom = y(yMin, yMin, yMax, plotHeight);
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" fill-opacity=\"0.8\">"
                + "<title>%s: mean %s</title></rect>", centre - barWidth / 2, top, barWidth, Math.max(0, bottom - top), bar.color(),
                Xml.escape(bar.name()), label(mean, percent)));
        double low = y(Math.max(min, yMin), yMin, yMax, plotHeight);
        double high = y(Math.min(max, yMax), yMin, yMax, plotHeight);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222222\" stroke-width=\"1.5\"/>"
                + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222222\"/><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222222\"/>",
                centre, low, centre, high, centre - 6, low, centre + 6, low, centre - 6, high, centre + 6, high));
        for (double value : values) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#ffffff\" stroke=\"#222222\"><title>%s: %s</title></circle>",
                    centre + barWidth / 4, y(Math.max(yMin, Math.min(yMax, value)), yMin, yMax, plotHeight), Xml.escape(bar.name()),
                    label(value, percent)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>",
                centre, Math.min(top, high) - 6, label(mean, percent)));
        String[] words = wrap(bar.name(), slot);
        for (int line = 0; line < words.length; line++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#222222\">%s</text>",
                    centre, bottom + 16 + 14 * line, Xml.escape(words[line])));
        }
    }

    private static double y(double value, double yMin, double yMax, double plotHeight) {
        return TOP + plotHeight - (value - yMin) / (yMax - yMin) * plotHeight;
    }

    private static String label(double value, boolean percent) {
        return percent ? String.format(Locale.ROOT, "%.1f%%", 100 * value) : String.format(Locale.ROOT, "%.3g", value);
    }

    /** The name broken into lines of about the slot's width (7 px per character), at most three. */
    static String[] wrap(String name, double slot) {
        int perLine = Math.max(6, (int) (slot / 7));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : name.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > perLine) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines.subList(0, Math.min(3, lines.size())).toArray(String[]::new);
    }
}
