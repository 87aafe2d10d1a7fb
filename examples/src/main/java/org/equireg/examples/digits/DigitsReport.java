package org.equireg.examples.digits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.equireg.core.Tensor;
import org.equireg.examples.cli.TextTable;
import org.equireg.examples.report.HtmlTable;
import org.equireg.examples.report.LieSection;
import org.equireg.examples.report.SvgLineChart.Series;
import org.equireg.examples.report.SvgLineChart;
import org.equireg.examples.report.SvgPixels;
import org.equireg.examples.report.Xml;

/**
 * The demo's self-contained HTML report: the settings, the final table, training curves (loss,
 * accuracy, equivariance error) of every run as inline SVG, and a few test digits at each rotation
 * with every run's prediction. The page is well-formed XHTML: no scripts, no external files.
 */
public final class DigitsReport {
    /** Line colours by run index (baseline grey, then orange, blue, green). */
    private static final String[] COLORS = {"#6b6b6b", "#e6730f", "#1f6fb4", "#2a9d3a", "#b5179e", "#8c564b"};
    /** Labels of the showcased test digits: the first test image of each. */
    private static final int[] SHOWCASE_LABELS = {1, 2, 4, 6, 7, 9};
    private static final int CHART_WIDTH = 820;
    private static final int CHART_HEIGHT = 290;
    private static final int PIXEL = 6;

    /**
     * What the report shows.
     *
     * @param options      the settings the demo ran with
     * @param train        training set size
     * @param test         the test set (images (N, 1, 8, 8) in [0, 1] and labels)
     * @param results      the runs, in order
     * @param table        the final table
     * @param environment  one line about the machine and JVM
     * @param totalSeconds wall time of the whole demo
     */
    public record Content(DemoOptions options, int train, Digits test, List<RunResult> results, TextTable table,
                          String environment, double totalSeconds) {
    }

    private DigitsReport() {
    }

    /** The page. */
    public static String html(Content content) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>equireg digits demo: rotation invariance</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        appendIntroduction(page, content);
        page.append("<h2>Results on the test set</h2>\n");
        HtmlTable.append(page, content.table());
        page.append("<p class=\"note\">acc k: accuracy on the test images rotated by k degrees. Equivariance error: mean over test images and ")
                .append("the three rotations of the L2 distance between the log-probabilities of an image and of its rotation, ")
                .append("with its standard error over the test images. Train time excludes the per-epoch evaluations.</p>\n");
        page.append("<h2>Training curves</h2>\n");
        appendCharts(page, content.results());
        page.append("<h2>Test digits at each rotation</h2>\n");
        appendShowcase(page, content.test(), content.results());
        appendLie(page, content.results());
        page.append("<p class=\"note\">").append(Xml.escape(content.environment())).append(String.format(Locale.ROOT,
                "; whole demo %.1f s.", content.totalSeconds())).append("</p>\n</body>\n</html>\n");
        return page.toString();
    }

    private static final String STYLE = String.join("\n",
            "body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; max-width: 1060px; margin: 24px auto; padding: 0 16px; color: #222; }",
            "h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #ddd; }",
            "table.results { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }",
            "table.results th, table.results td { padding: 4px 9px; border-bottom: 1px solid #e4e4e4; white-space: nowrap; }",
            "table.results th { background: #f4f4f4; } .right { text-align: right; } .left { text-align: left; }",
            ".note { color: #555; font-size: 13px; } .charts svg { display: block; margin-bottom: 10px; }",
            "table.digits { border-collapse: collapse; font-size: 12px; } table.digits td, table.digits th { padding: 6px 10px; vertical-align: top; }",
            "table.digits td { border-top: 1px solid #eee; } .right-answer { color: #1b7a2b; } .wrong-answer { color: #c0261d; font-weight: bold; }",
            "ul.runs li { margin: 2px 0; } .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px; }",
            "");

    private static void appendIntroduction(StringBuilder page, Content content) {
        DemoOptions options = content.options();
        page.append("<h1>equireg digits demo: rotation invariance</h1>\n<p>A small CNN (two 3x3 convolutions, max-pool, two linear layers, Adam) ")
                .append("learns the UCI 8x8 handwritten digits, pixels scaled to [0, 1]. ")
                .append(String.format(Locale.ROOT, "%d training and %d test images (seeded 75/25 split), %d epochs per run, seed %d. ",
                        content.train(), content.test().size(), options.epochs(), options.seed()))
                .append("Every run starts from the same weights and sees the same batches; the regularizer adds ")
                .append("<code>lambda * max(0, error - epsilon)</code> for pairs drawn from f_in in {rot90, rot180, rot270}, f_out = identity, ")
                .append("distance <code>CROSS_ENTROPY_LOGITS</code>.</p>\n<ul class=\"runs\">\n");
        List<RunResult> results = content.results();
        for (int i = 0; i < results.size(); i++) {
            RunSpec spec = results.get(i).spec();
            page.append("<li><span class=\"swatch\" style=\"background:").append(color(i)).append("\"></span><b>")
                    .append(i + 1).append(' ').append(Xml.escape(spec.name())).append("</b>: ").append(Xml.escape(spec.describe())).append("</li>\n");
        }
        page.append("</ul>\n");
    }

    private static void appendLie(StringBuilder page, List<RunResult> results) {
        List<String> names = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            names.add((i + 1) + " " + results.get(i).spec().name());
            colors.add(color(i));
        }
        LieSection.append(page, "Lie derivatives: how fast each run's predictions move under small transforms", names, colors,
                results.stream().map(RunResult::lie).toList());
    }

    private static void appendCharts(StringBuilder page, List<RunResult> results) {
        List<Series> loss = new ArrayList<>();
        List<Series> accuracy = new ArrayList<>();
        List<Series> error = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            RunResult result = results.get(i);
            String name = (i + 1) + " " + result.spec().name();
            List<EpochRecord> history = result.history();
            loss.add(new Series(name, color(i), values(history, EpochRecord::trainLoss), false));
            accuracy.add(new Series(name + ", upright", color(i), values(history, EpochRecord::testAccuracy), false));
            accuracy.add(new Series(name + ", rotated", color(i), values(history, EpochRecord::rotatedAccuracy), true));
            error.add(new Series(name, color(i), values(history, EpochRecord::equivarianceError), false));
        }
        page.append("<div class=\"charts\">\n")
                .append(SvgLineChart.render("Training loss (cross-entropy, mean over the epoch)", "epoch", loss, 0, Double.NaN, CHART_WIDTH, CHART_HEIGHT))
                .append('\n')
                .append(SvgLineChart.render("Test accuracy: upright (solid), rotated 90/180/270 mean (dashed)", "epoch", accuracy, 0, 1, CHART_WIDTH, CHART_HEIGHT))
                .append('\n')
                .append(SvgLineChart.render("Equivariance error on the test images", "epoch", error, 0, Double.NaN, CHART_WIDTH, CHART_HEIGHT))
                .append("\n</div>\n");
    }

    private static double[] values(List<EpochRecord> history, ToDoubleFunction<EpochRecord> field) {
        return history.stream().mapToDouble(field).toArray();
    }

    private static void appendShowcase(StringBuilder page, Digits test, List<RunResult> results) {
        page.append("<table class=\"digits\">\n<tr><th>label</th>");
        for (int k = 0; k < Evaluation.ROTATIONS; k++) {
            page.append("<th>").append(90 * k).append(" degrees</th>");
        }
        page.append("</tr>\n");
        int[] labels = test.labels();
        for (int index : showcase(labels)) {
            int label = labels[index];
            Tensor image = test.images().slice(0, index, index + 1).reshape(8, 8);
            page.append("<tr><th>").append(label).append("</th>");
            for (int k = 0; k < Evaluation.ROTATIONS; k++) {
                page.append("<td>").append(SvgPixels.grayscale(image.rot90(k, 0, 1).toArray(), 8, 8, PIXEL,
                        "test image " + index + ", label " + label + ", rotated " + 90 * k + " degrees"));
                for (int r = 0; r < results.size(); r++) {
                    int predicted = results.get(r).test().predictions()[index][k];
                    page.append("<div class=\"").append(predicted == label ? "right-answer" : "wrong-answer").append("\">")
                            .append(r + 1).append(' ').append(Xml.escape(results.get(r).spec().name())).append(": ").append(predicted).append("</div>");
                }
                page.append("</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</table>\n<p class=\"note\">Each cell: the test image turned counter-clockwise, and the class each run predicts for it ")
                .append("(green: right, red: wrong). The digits are the first test image of each of the labels ")
                .append(Arrays.toString(SHOWCASE_LABELS)).append(".</p>\n");
    }

    /** Indices of the first test image of each showcase label present. */
    static List<Integer> showcase(int[] labels) {
        List<Integer> indices = new ArrayList<>();
        for (int wanted : SHOWCASE_LABELS) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == wanted) {
                    indices.add(i);
                    break;
                }
            }
        }
        return indices;
    }

    private static String color(int run) {
        return COLORS[run % COLORS.length];
    }
}
