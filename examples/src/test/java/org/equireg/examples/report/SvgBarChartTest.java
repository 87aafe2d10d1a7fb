package org.equireg.examples.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgBarChartTest {
    private static final String SVG = "http://www.w3.org/2000/svg";

    @Test
    void drawsABarAtTheMeanWithTheRangeAndEveryValue() throws Exception {
        String svg = SvgBarChart.render("accuracy <per run>", List.of(
                new SvgBarChart.Bar("a & b", "#ff0000", new double[] {0.8, 0.9}),
                new SvgBarChart.Bar("c", "#0000ff", new double[] {0.5})), 0, 1, 0.25, true, 500, 300);
        Document document = XmlDocuments.parse(svg);
        assertEquals(SVG, document.getDocumentElement().getNamespaceURI());
        assertEquals(3, document.getElementsByTagNameNS(SVG, "circle").getLength(), "one dot per value");
        assertEquals(3, document.getElementsByTagNameNS(SVG, "rect").getLength(), "two bars and the frame");
        assertTrue(svg.contains(">85.0%</text>") && svg.contains(">50.0%</text>"), "means written above the bars: " + svg);
        assertTrue(svg.contains("accuracy &lt;per run&gt;") && svg.contains(">a &amp; b</text>"), svg);
        assertTrue(svg.contains(">100.0%</text>") && svg.contains(">25.0%</text>"), "y ticks: " + svg);
    }

    @Test
    void longNamesWrapIntoAtMostThreeLines() {
        assertArrayEquals(new String[] {"augment + reg", "unlabeled (KL)"}, SvgBarChart.wrap("augment + reg unlabeled (KL)", 100));
        assertEquals(3, SvgBarChart.wrap("a b c d e f g h i j k l m n o p", 42).length);
    }

    @Test
    void refusesWhatItCannotDraw() {
        assertThrows(IllegalArgumentException.class, () -> SvgBarChart.render("t", List.of(), 0, 1, 0.1, true, 500, 300));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SvgBarChart.render("t",
                List.of(new SvgBarChart.Bar("empty", "#000000", new double[0])), 0, 1, 0.1, true, 500, 300));
        assertTrue(error.getMessage().contains("'empty' has no values"), error.getMessage());
    }
}
