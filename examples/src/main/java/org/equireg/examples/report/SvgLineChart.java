package org.equireg.examples.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG: one line with point markers per series over x = 1..n (epochs), axes
 * with round-number ticks, a title and a legend on the right. Non-finite values leave a gap.
 */
public final class SvgLineChart {
    private static final int LEFT = 58;
    private static final int RIGHT_LEGEND = 200;
    private static final int TOP = 34;
    private static final int BOTTOM = 44;
    private static final int TARGET_TICKS = 5;

    /**
     * One line.
     *
     * @param values y for x = 1, 2, ..., values.length; not modified
     * @param dashed draw dashed (for a second quantity of the same run)
     */
    public record Series(String name, String color, double[] values, boolean dashed) {
    }

    private SvgLineChart() {
    }

    /**
     * The chart. {@code yMin}/{@code yMax} fix the y range; NaN means "from the data" (the range
     * then is widened to round ticks).
     */
    public static String render(String title, String xLabel, List<Series> series, double yMin, double yMax, int width, int height) {
        return render(title, xLabel, null, series, yMin, yMax, width, height);
    }

    /**
     * The chart with the x ticks 1..n labelled {@code xTickLabels[0..n-1]} (every one drawn), for
     * categories such as angles; null labels the ticks with their numbers, as {@link #render(String,
     * String, List, double, double, int, int)} does.
     */
    public static String render(String title, String xLabel, String[] xTickLabels, List<Series> series, double yMin, double yMax,
                                int width, int height) {
        int points = 0;
        for (Series line : series) {
            points = Math.max(points, line.values().length);
        }
        if (xTickLabels != null && xTickLabels.length < points) {
            throw new IllegalArgumentException("SvgLineChart.render(" + title + "): " + xTickLabels.length + " tick labels for "
                    + points + " points");
        }
        if (points == 0 || width <= LEFT + RIGHT_LEGEND || height <= TOP + BOTTOM) {
            throw new IllegalArgumentException("SvgLineChart.render(" + title + "): needs at least one value and room to draw, got "
                    + points + " points, " + width + "x" + height);
        }
        double[] range = yRange(series, yMin, yMax);
        Frame frame = new Frame(LEFT, TOP, width - LEFT - RIGHT_LEGEND, height - TOP - BOTTOM,
                points == 1 ? 0 : 1, points == 1 ? 2 : points, range[0], range[1]);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">",
                width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>", LEFT, Xml.escape(title)));
        appendAxes(svg, frame, xLabel, xTickLabels, range[2]);
        for (Series line : series) {
            appendLine(svg, frame, line);
        }
        appendLegend(svg, series, width - RIGHT_LEGEND + 14, TOP);
        return svg.append("</svg>").toString();
    }

    /** The plotting area and the data range it shows. */
    private record Frame(double left, double top, double width, double height, double xMin, double xMax, double yMin, double yMax) {
        double x(double value) {
            return left + (value - xMin) / (xMax - xMin) * width;
        }

        double y(double value) {
            return top + height - (value - yMin) / (yMax - yMin) * height;
        }
    }

    /** {min, max, tick step}: the data range (or the fixed one) widened to multiples of a round step. */
    private static double[] yRange(List<Series> series, double fixedMin, double fixedMax) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series line : series) {
            for (double value : line.values()) {
                if (Double.isFinite(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        if (!Double.isNaN(fixedMin)) {
            min = fixedMin;
        }
        if (!Double.isNaN(fixedMax)) {
            max = fixedMax;
        }
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            min = 0;
            max = 1;
        }
        if (max - min < 1e-12) {
            double pad = Math.max(Math.abs(max) * 0.1, 1e-3);
            min -= pad;
            max += pad;
        }
        double step = niceStep((max - min) / TARGET_TICKS);
        return new double[] {Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step, step};
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code rough}. */
    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= rough * (1 - 1e-9)) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static void appendAxes(StringBuilder svg, Frame frame, String xLabel, String[] xTickLabels, double yStep) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(yStep) + 1e-9));
        for (int i = 0; ; i++) {
            double value = frame.yMin() + i * yStep;
            if (value > frame.yMax() + yStep * 1e-6) {
                break;
            }
            double y = frame.y(value);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>"
                            + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#444444\">%s</text>",
                    frame.left(), y, frame.left() + frame.width(), y, frame.left() - 6, y + 4,
                    String.format(Locale.ROOT, "%." + decimals + "f", value)));
        }
        int first = (int) Math.ceil(frame.xMin());
        int last = (int) Math.floor(frame.xMax());
        int xStep = xTickLabels != null ? 1 : Math.max(1, (int) niceStep(Math.max(1, (last - first) / 10.0)));
        for (int x = Math.max(1, first); x <= last; x += xStep) {
            double px = frame.x(x);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888888\"/>"
                            + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#444444\">%s</text>",
                    px, frame.top() + frame.height(), px, frame.top() + frame.height() + 4, px, frame.top() + frame.height() + 17,
                    xTickLabels == null ? String.valueOf(x) : Xml.escape(xTickLabels[x - 1])));
        }
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#888888\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#444444\">%s</text>",
                frame.left(), frame.top(), frame.width(), frame.height(),
                frame.left() + frame.width() / 2, frame.top() + frame.height() + 36, Xml.escape(xLabel)));
    }

    private static void appendLine(StringBuilder svg, Frame frame, Series line) {
        String dash = line.dashed() ? " stroke-dasharray=\"6 4\"" : "";
        List<String> segment = new ArrayList<>();
        double[] values = line.values();
        for (int i = 0; i <= values.length; i++) {
            boolean present = i < values.length && Double.isFinite(values[i]);
            if (present) {
                segment.add(String.format(Locale.ROOT, "%.1f,%.1f", frame.x(i + 1), frame.y(values[i])));
            }
            if (!present && !segment.isEmpty()) {
                svg.append("<polyline fill=\"none\" stroke=\"").append(line.color()).append("\" stroke-width=\"2\"").append(dash)
                        .append(" points=\"").append(String.join(" ", segment)).append("\"/>");
                segment.clear();
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"><title>%s, %d: %s</title></circle>",
                        frame.x(i + 1), frame.y(values[i]), line.color(), Xml.escape(line.name()), i + 1,
                        String.format(Locale.ROOT, "%.4g", values[i])));
            }
        }
    }

    private static void appendLegend(StringBuilder svg, List<Series> series, int x, int top) {
        for (int i = 0; i < series.size(); i++) {
            Series line = series.get(i);
            int y = top + 8 + 18 * i;
            String dash = line.dashed() ? " stroke-dasharray=\"6 4\"" : "";
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>"
                            + "<text x=\"%d\" y=\"%d\" fill=\"#222222\">%s</text>",
                    x, y, x + 24, y, line.color(), dash, x + 30, y + 4, Xml.escape(line.name())));
        }
    }
}
