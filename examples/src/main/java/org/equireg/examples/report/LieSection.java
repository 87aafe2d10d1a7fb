package org.equireg.examples.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.equireg.examples.cli.TextTable;
import org.equireg.regularizer.lie.LayerContribution;
import org.equireg.regularizer.lie.LayerwiseAttribution;
import org.equireg.regularizer.lie.LieGenerator;

/**
 * The reports' Lie derivative section: per generator, every run's mean absolute Lie derivative of
 * its softmax probabilities (lie-deriv's end-to-end number) as a table and a bar chart, then one
 * model's per-layer attribution for rotation as bars.
 */
public final class LieSection {
    private static final int CHART_WIDTH = 420;
    private static final int CHART_HEIGHT = 250;

    private LieSection() {
    }

    /** The text table: a row per run, a column per generator, mean |L f| with its standard error. */
    public static TextTable table(List<String> runs, List<LieMeasurement> measurements) {
        List<TextTable.Column> columns = new ArrayList<>(List.of(new TextTable.Column("run", TextTable.Align.LEFT)));
        for (LieGenerator generator : LieMeasurement.generators()) {
            columns.add(new TextTable.Column(generator.name(), TextTable.Align.RIGHT));
        }
        TextTable table = new TextTable(columns);
        for (int r = 0; r < runs.size(); r++) {
            String[] row = new String[columns.size()];
            row[0] = runs.get(r);
            for (int g = 0; g < LieMeasurement.generators().size(); g++) {
                var error = measurements.get(r).errors().get(g);
                row[g + 1] = String.format(Locale.ROOT, "%.2e +- %.0e", error.meanAbsolute(), error.meanAbsoluteStandardError());
            }
            table.addRow(row);
        }
        return table;
    }

    /** Appends the section: the heading, an explanation, table, a chart per generator, and the layer bars of the first run that has them. */
    public static void append(StringBuilder page, String heading, List<String> runs, List<String> colors,
                              List<LieMeasurement> measurements) {
        page.append("<h2>").append(Xml.escape(heading)).append("</h2>\n")
                .append("<p class=\"note\">Mean over ").append(LieMeasurement.IMAGES).append(" test images of the mean absolute entry of ")
                .append("<code>d/dt softmax(model(T_t x))</code> at t = 0 (lie-deriv's end-to-end metric), with its standard error ")
                .append("over the images. Units per radian (rotation, shear, stretch), per pixel (translations), per unit of log scale ")
                .append("(scale, brightness). Lower is more invariant.</p>\n");
        HtmlTable.append(page, table(runs, measurements));
        page.append("<div class=\"charts\">\n");
        List<LieGenerator> generators = LieMeasurement.generators();
        for (int g = 0; g < generators.size(); g++) {
            List<SvgBarChart.Bar> bars = new ArrayList<>();
            double largest = 0;
            for (int r = 0; r < runs.size(); r++) {
                double value = measurements.get(r).errors().get(g).meanAbsolute();
                largest = Math.max(largest, value);
                bars.add(new SvgBarChart.Bar(runs.get(r), colors.get(r % colors.size()), new double[] {value}));
            }
            double[] axis = axis(largest);
            page.append(SvgBarChart.render("Lie derivative: " + generators.get(g).name(), bars, 0, axis[0], axis[1], false,
                    CHART_WIDTH, CHART_HEIGHT)).append('\n');
        }
        page.append("</div>\n");
        for (int r = 0; r < runs.size(); r++) {
            LayerwiseAttribution layers = measurements.get(r).layers();
            if (layers != null) {
                appendLayers(page, runs.get(r), layers);
                break;
            }
        }
    }

    private static void appendLayers(StringBuilder page, String run, LayerwiseAttribution layers) {
        List<SvgBarChart.Bar> bars = new ArrayList<>();
        double largest = 0;
        for (LayerContribution layer : layers.layers()) {
            largest = Math.max(largest, layer.meanSquaredNorm() + layer.standardError());
            String name = "(" + layer.index() + ") " + layer.layer().replaceAll("\\(.*", "");
            bars.add(new SvgBarChart.Bar(name, "#1f6fb4", new double[] {layer.meanSquaredNorm(),
                Math.max(0, layer.meanSquaredNorm() - layer.standardError()), layer.meanSquaredNorm() + layer.standardError()}));
        }
        double[] axis = axis(largest);
        page.append("<h3>Where the rotation error of \"").append(Xml.escape(run)).append("\" comes from, layer by layer</h3>\n")
                .append("<p class=\"note\">Each layer's own Lie derivative at its input, carried to the softmax output by the rest of ")
                .append("the network: <code>mean ||J L_k||^2</code>, estimated with ").append(layers.probes())
                .append(" Gaussian probes (whiskers: plus and minus one standard error; the dots are the estimate and both ends). ")
                .append(String.format(Locale.ROOT, "End to end: mean ||L f||^2 = %.3e.", layers.endToEnd().meanSquaredNorm()))
                .append(" The layers' terms add up to the end-to-end value only when they do not interfere.</p>\n<div class=\"charts\">\n")
                .append(SvgBarChart.render("Rotation Lie derivative by layer", bars, 0, axis[0], axis[1], false, 860, CHART_HEIGHT))
                .append("\n</div>\n");
    }

    /** A round top and tick step for values up to {@code largest}. */
    static double[] axis(double largest) {
        if (!(largest > 0)) {
            return new double[] {1, 0.25};
        }
        double step = Math.pow(10, Math.floor(Math.log10(largest)));
        double top = Math.ceil(largest * 1.15 / step) * step;
        double tick = top / step > 5 ? step * (top / step > 10 ? 5 : 2) : step / 2;
        return new double[] {top, tick};
    }
}
