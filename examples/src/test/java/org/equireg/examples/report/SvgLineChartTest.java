package org.equireg.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.equireg.examples.report.SvgLineChart.Series;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgLineChartTest {
    private static final String SVG = "http://www.w3.org/2000/svg";

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0.2, SvgLineChart.niceStep(0.2), 1e-15);
        assertEquals(0.5, SvgLineChart.niceStep(0.21), 1e-15);
        assertEquals(1, SvgLineChart.niceStep(0.51), 1e-15);
        assertEquals(5, SvgLineChart.niceStep(3.7), 1e-15);
        assertEquals(20, SvgLineChart.niceStep(11), 1e-12);
    }

    @Test
    void drawsOneLinePerSeriesWithMarkersAndLegend() throws Exception {
        String svg = SvgLineChart.render("loss <& \"curves\">", "epoch", List.of(
                new Series("a & b", "#ff0000", new double[] {3, 2, 1}, false),
                new Series("c", "#0000ff", new double[] {1, 1.5, 2}, true)), 0, Double.NaN, 600, 300);
        Document document = XmlDocuments.parse(svg);
        assertEquals("svg", document.getDocumentElement().getLocalName());
        assertEquals(SVG, document.getDocumentElement().getNamespaceURI());
        assertEquals(2, document.getElementsByTagNameNS(SVG, "polyline").getLength());
        assertEquals(6, document.getElementsByTagNameNS(SVG, "circle").getLength());
        assertTrue(svg.contains("loss &lt;&amp; &quot;curves&quot;&gt;"), svg);
        assertTrue(svg.contains(">a &amp; b</text>"), svg);
        assertTrue(svg.contains("stroke-dasharray"), svg);
    }

    @Test
    void nonFiniteValuesLeaveGapsAndASinglePointStillDraws() throws Exception {
        String gapped = SvgLineChart.render("t", "x", List.of(new Series("s", "#000000", new double[] {1, Double.NaN, 2, 3}, false)),
                Double.NaN, Double.NaN, 600, 300);
        Document document = XmlDocuments.parse(gapped);
        assertEquals(2, document.getElementsByTagNameNS(SVG, "polyline").getLength());
        assertEquals(3, document.getElementsByTagNameNS(SVG, "circle").getLength());
        String single = SvgLineChart.render("t", "x", List.of(new Series("s", "#000000", new double[] {0.5}, false)),
                Double.NaN, Double.NaN, 600, 300);
        assertEquals(1, XmlDocuments.parse(single).getElementsByTagNameNS(SVG, "circle").getLength());
        assertTrue(!single.contains("NaN") && !single.contains("Infinity"), single);
    }

    @Test
    void rejectsEmptyChartsAndNoRoom() {
        assertThrows(IllegalArgumentException.class, () -> SvgLineChart.render("t", "x", List.of(), 0, 1, 600, 300));
        assertThrows(IllegalArgumentException.class, () -> SvgLineChart.render("t", "x",
                List.of(new Series("s", "#000000", new double[] {1}, false)), 0, 1, 100, 300));
    }

    @Test
    void categoryLabelsReplaceTheTickNumbers() throws Exception {
        String svg = SvgLineChart.render("by angle", "rotation", new String[] {"0\u00b0", "15\u00b0", "30\u00b0"},
                List.of(new Series("run", "#ff0000", new double[] {0.9, 0.8, 0.5}, false)), Double.NaN, 1, 600, 300);
        XmlDocuments.parse(svg);
        assertTrue(svg.contains(">15\u00b0</text>") && svg.contains(">30\u00b0</text>"), svg);
        assertThrows(IllegalArgumentException.class, () -> SvgLineChart.render("t", "x", new String[] {"one"},
                List.of(new Series("run", "#ff0000", new double[] {1, 2}, false)), Double.NaN, Double.NaN, 600, 300));
    }
}
