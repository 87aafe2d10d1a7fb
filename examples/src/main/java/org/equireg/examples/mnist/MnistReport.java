package org.equireg.examples.mnist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.equireg.core.Tensor;
import org.equireg.examples.cli.TextTable;
import org.equireg.examples.report.HtmlTable;
import org.equireg.examples.report.LieSection;
import org.equireg.examples.report.SvgBarChart;
import org.equireg.examples.report.SvgLineChart.Series;
import org.equireg.examples.report.SvgLineChart;
import org.equireg.examples.report.SvgPixels;
import org.equireg.examples.report.Xml;
import org.equireg.regularizer.transforms.Padding;
import org.equireg.regularizer.transforms.Transforms;

/**
 * The study's self-contained HTML report (well-formed XHTML, inline SVG, no scripts): study R's
 * accuracy against the rotation angle for every run and a few rotated test digits with every run's
 * prediction; study S's accuracy per run with its spread over label draws; both tables; training
 * curves.
 */
public final class MnistReport {
    private static final String[] COLORS = {"#6b6b6b", "#e6730f", "#8c564b", "#1f6fb4", "#2a9d3a", "#b5179e"};
    private static final int[] SHOWCASE_DEGREES = {0, 30, 60, 90};
    private static final int SHOWCASE_DIGITS = 6;
    private static final int CHART_WIDTH = 860;
    private static final int CHART_HEIGHT = 300;
    private static final int PIXEL = 3;

    /**
     * What the report shows.
     *
     * @param options      the settings the study ran with
     * @param test         the test images
     * @param robustness   study R's runs (may be empty)
     * @param tableR       study R's table, null without runs
     * @param semi         study S's runs, grouped by seed (may be empty)
     * @param tableS       study S's table, null without runs
     * @param environment  one line about the machine and JVM
     * @param studySeconds wall time of study R and of study S
     * @param totalSeconds wall time of everything
     */
    public record Content(StudyOptions options, MnistData test, List<RunOutcome> robustness, TextTable tableR, List<RunOutcome> semi,
                          TextTable tableS, String environment, double[] studySeconds, double totalSeconds) {
    }

    private MnistReport() {
    }

    /** The page. */
    public static String html(Content content) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>equireg MNIST study</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>equireg MNIST study: rotation robustness and learning from 100 labels</h1>\n<p>")
                .append("Model: conv 3x3 1&#8594;16, ReLU, max-pool 2, conv 3x3 16&#8594;32, ReLU, max-pool 2, linear 1568&#8594;128, ReLU, ")
                .append("linear 128&#8594;10. Adam lr 1e-3, batch 64, float64. ")
                .append(String.format(Locale.ROOT, "%d test images, the other 8,000 of the 10,000 digits are the training pool "
                        + "(seeded split). ", MnistData.TEST_SIZE))
                .append("The regularizer adds <code>lambda * mean dist(model(v), model(f_in v))</code>, f_out = identity, ")
                .append("f_in one random warp per step, epsilon 0.")
                .append(content.options().quick() ? String.format(Locale.ROOT, " <b>Quick smoke run: a few training steps per run,"
                        + " evaluated on the first %d of the %d test images; the numbers mean nothing.</b>", content.test().size(),
                        MnistData.TEST_SIZE) : "")
                .append("</p>\n");
        if (!content.robustness().isEmpty()) {
            appendRobustness(page, content);
        }
        if (!content.semi().isEmpty()) {
            appendSemiSupervised(page, content);
        }
        page.append("<p class=\"note\">").append(Xml.escape(content.environment())).append(String.format(Locale.ROOT,
                "; study R %.0f s, study S %.0f s, whole study %.0f s.", content.studySeconds()[0], content.studySeconds()[1],
                content.totalSeconds())).append("</p>\n</body>\n</html>\n");
        return page.toString();
    }

    private static final String STYLE = String.join("\n",
            "body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; max-width: 1080px; margin: 24px auto; padding: 0 16px; color: #222; }",
            "h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 18px; margin-top: 30px; border-bottom: 1px solid #ddd; } h3 { font-size: 15px; }",
            "table.results { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }",
            "table.results th, table.results td { padding: 4px 9px; border-bottom: 1px solid #e4e4e4; white-space: nowrap; }",
            "table.results th { background: #f4f4f4; } .right { text-align: right; } .left { text-align: left; }",
            ".note { color: #555; font-size: 13px; } .charts svg { display: block; margin-bottom: 10px; }",
            "table.digits { border-collapse: collapse; font-size: 12px; } table.digits td, table.digits th { padding: 5px 8px; vertical-align: top; }",
            "table.digits td { border-top: 1px solid #eee; } .right-answer { color: #1b7a2b; } .wrong-answer { color: #c0261d; font-weight: bold; }",
            "ul.runs li { margin: 2px 0; } .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px; }",
            "");

    private static void appendRobustness(StringBuilder page, Content content) {
        List<RunOutcome> outcomes = content.robustness();
        page.append("<h2>Study R: robustness to rotations (all labels, upright training images)</h2>\n");
        appendRuns(page, outcomes.stream().map(RunOutcome::run).toList());
        String[] angles = new String[RotationAccuracy.DEGREES.length];
        for (int k = 0; k < angles.length; k++) {
            angles[k] = RotationAccuracy.DEGREES[k] + "\u00b0";
        }
        List<Series> byAngle = new ArrayList<>();
        List<Series> byEpoch = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            RunOutcome outcome = outcomes.get(i);
            byAngle.add(new Series(outcome.run().name(), color(i), outcome.rotations().accuracy(), false));
            byEpoch.add(new Series(outcome.run().name(), color(i), outcome.history().stream().mapToDouble(RunOutcome.Checkpoint::testAccuracy).toArray(),
                    false));
        }
        page.append("<div class=\"charts\">\n")
                .append(SvgLineChart.render("Test accuracy against the rotation angle (mean of + and -)", "rotation of the test images",
                        angles, byAngle, Double.NaN, 1, CHART_WIDTH, CHART_HEIGHT))
                .append('\n');
        HtmlTable.append(page, content.tableR());
        page.append("<p class=\"note\">Train time excludes the evaluations. Augmentation and the regularizer use rotations within "
                + "+-45 degrees; 60 and 90 degrees lie outside what either was shown.</p>\n")
                .append(byEpoch.get(0).values().length < 2
                        // One point makes no curve: a chart would stretch it over an axis of two epochs.
                        ? "<p class=\"note\">One epoch per run: no accuracy-per-epoch chart.</p>"
                        : SvgLineChart.render("Upright test accuracy after each epoch", "epoch", byEpoch, Double.NaN, 1, CHART_WIDTH,
                                CHART_HEIGHT))
                .append("\n</div>\n<h3>Test digits turned counterclockwise, and each run's prediction</h3>\n");
        appendShowcase(page, content.test(), outcomes);
        appendLie(page, outcomes);
    }

    private static void appendLie(StringBuilder page, List<RunOutcome> outcomes) {
        RunOutcome first = outcomes.get(0);
        String heading = "Study " + first.run().study() + ": Lie derivatives, how fast each run's predictions move under small"
                + " transforms" + ("S".equals(first.run().study()) ? " (seed " + first.seed() + ")" : "");
        List<String> colors = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            colors.add(color(i));
        }
        LieSection.append(page, heading, outcomes.stream().map(outcome -> outcome.run().name()).toList(), colors,
                outcomes.stream().map(RunOutcome::lie).toList());
    }

    private static void appendSemiSupervised(StringBuilder page, Content content) {
        List<RunOutcome> outcomes = content.semi();
        List<StudyRun> runs = outcomes.stream().map(RunOutcome::run).distinct().toList();
        page.append("<h2>Study S: 100 labels (10 per class) and 7,900 unlabeled images</h2>\n");
        appendRuns(page, runs);
        List<SvgBarChart.Bar> bars = new ArrayList<>();
        List<Series> curves = new ArrayList<>();
        String[] steps = null;
        for (int i = 0; i < runs.size(); i++) {
            StudyRun run = runs.get(i);
            List<RunOutcome> mine = outcomes.stream().filter(outcome -> outcome.run().equals(run)).toList();
            bars.add(new SvgBarChart.Bar(run.name(), color(i), mine.stream().mapToDouble(RunOutcome::upright).toArray()));
            RunOutcome first = mine.get(0);
            curves.add(new Series(run.name(), color(i), first.history().stream().mapToDouble(RunOutcome.Checkpoint::testAccuracy).toArray(), false));
            steps = first.history().stream().map(point -> String.valueOf(point.step())).toArray(String[]::new);
        }
        int draws = (int) outcomes.stream().mapToLong(RunOutcome::seed).distinct().count();
        page.append("<div class=\"charts\">\n")
                .append(SvgBarChart.render(String.format(Locale.ROOT, "Test accuracy per run: mean over %d label draw%s, range and each draw",
                        draws, draws == 1 ? "" : "s"), bars, 0, 1, 0.1, true, CHART_WIDTH, CHART_HEIGHT + 40))
                .append('\n');
        HtmlTable.append(page, content.tableS());
        page.append(SvgLineChart.render("Upright test accuracy during training (seed " + outcomes.get(0).seed() + ")", "step", steps, curves,
                        Double.NaN, 1, CHART_WIDTH, CHART_HEIGHT))
                .append("\n</div>\n<p class=\"note\">The last run uses the reference package's <code>cross_entropy_logits</code> ")
                .append("(L2 distance of log-softmax vectors) instead of KL: it weighs the log-probabilities of classes the model already ")
                .append("rules out as much as the likely ones.</p>\n");
        appendLie(page, MnistStudy.firstSeed(outcomes));
    }

    private static void appendRuns(StringBuilder page, List<StudyRun> runs) {
        page.append("<ul class=\"runs\">\n");
        for (int i = 0; i < runs.size(); i++) {
            page.append("<li><span class=\"swatch\" style=\"background:").append(color(i)).append("\"></span><b>")
                    .append(Xml.escape(runs.get(i).name())).append("</b>: ").append(Xml.escape(runs.get(i).describe())).append("</li>\n");
        }
        page.append("</ul>\n");
    }

    private static void appendShowcase(StringBuilder page, MnistData test, List<RunOutcome> outcomes) {
        page.append("<table class=\"digits\">\n<tr><th>label</th>");
        for (int degrees : SHOWCASE_DEGREES) {
            page.append("<th>").append(degrees).append(" degrees</th>");
        }
        page.append("</tr>\n");
        int[] labels = test.labelArray();
        for (int index : showcase(labels)) {
            Tensor image = test.images().slice(0, index, index + 1);
            page.append("<tr><th>").append(labels[index]).append("</th>");
            for (int degrees : SHOWCASE_DEGREES) {
                int k = angleIndex(degrees);
                Tensor turned = degrees == 0 ? image : Transforms.rotate(Math.toRadians(degrees), Padding.ZEROS).apply(image);
                page.append("<td>").append(SvgPixels.grayscale(turned.toArray(), MnistData.SIDE, MnistData.SIDE, PIXEL,
                        "test image " + index + ", label " + labels[index] + ", turned " + degrees + " degrees"));
                for (RunOutcome outcome : outcomes) {
                    int predicted = outcome.rotations().predictions()[k][index];
                    page.append("<div class=\"").append(predicted == labels[index] ? "right-answer" : "wrong-answer").append("\">")
                            .append(Xml.escape(outcome.run().name())).append(": ").append(predicted).append("</div>");
                }
                page.append("</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</table>\n<p class=\"note\">Green: right, red: wrong. The first test image of each of a few classes.</p>\n");
    }

    /** The first test image of each of the first classes present, up to {@value #SHOWCASE_DIGITS}. */
    static List<Integer> showcase(int[] labels) {
        List<Integer> indices = new ArrayList<>();
        for (int wanted = 0; wanted < 10 && indices.size() < SHOWCASE_DIGITS; wanted++) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == wanted) {
                    indices.add(i);
                    break;
                }
            }
        }
        return indices;
    }

    private static int angleIndex(int degrees) {
        for (int k = 0; k < RotationAccuracy.DEGREES.length; k++) {
            if (RotationAccuracy.DEGREES[k] == degrees) {
                return k;
            }
        }
        throw new IllegalArgumentException("MnistReport: no accuracy measured at " + degrees + " degrees");
    }

    private static String color(int run) {
        return COLORS[run % COLORS.length];
    }
}
