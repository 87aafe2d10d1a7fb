package org.equireg.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgPixelsTest {
    @Test
    void drawsOneSquarePerInkedPixelWithItsGrayLevel() throws Exception {
        double[] pixels = {0, 1, 0.5, 0, 2, -1}; // 2 rows, 3 columns; 2 and -1 are clamped
        Document document = XmlDocuments.parse(SvgPixels.grayscale(pixels, 2, 3, 5, "a <digit>"));
        Element svg = document.getDocumentElement();
        assertEquals("15", svg.getAttribute("width"));
        assertEquals("10", svg.getAttribute("height"));
        NodeList rects = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        assertEquals(2 + 3, rects.getLength()); // background, three inked pixels, frame
        Element black = (Element) rects.item(1);
        assertEquals("5", black.getAttribute("x"));
        assertEquals("#000000", black.getAttribute("fill"));
        assertEquals("#808080", ((Element) rects.item(2)).getAttribute("fill"));
        Element clamped = (Element) rects.item(3);
        assertEquals("5", clamped.getAttribute("x"));
        assertEquals("5", clamped.getAttribute("y"));
        assertEquals("#000000", clamped.getAttribute("fill"));
        assertEquals("a <digit>", svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent());
    }

    @Test
    void rejectsMismatchedSizes() {
        assertThrows(IllegalArgumentException.class, () -> SvgPixels.grayscale(new double[5], 2, 3, 4, ""));
        assertThrows(IllegalArgumentException.class, () -> SvgPixels.grayscale(new double[6], 2, 3, 0, ""));
    }
}
