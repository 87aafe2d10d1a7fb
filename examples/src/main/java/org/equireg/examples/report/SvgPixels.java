package org.equireg.examples.report;

import java.util.Locale;

/** A grayscale image as an inline SVG grid of squares: 0 is white paper, 1 is black ink. */
public final class SvgPixels {
    private SvgPixels() {
    }

    /**
     * The image {@code pixels} (row-major, {@code rows * columns} values in [0, 1]; values outside
     * are clamped; not modified) drawn with square cells of {@code cellSize} pixels and a thin frame.
     * {@code title} becomes a tooltip.
     */
    public static String grayscale(double[] pixels, int rows, int columns, int cellSize, String title) {
        if (rows < 1 || columns < 1 || cellSize < 1 || pixels.length != rows * columns) {
            throw new IllegalArgumentException("SvgPixels.grayscale: needs rows, columns, cellSize >= 1 and "
                    + "pixels.length == rows * columns, got " + pixels.length + " pixels, " + rows + "x" + columns
                    + ", cell " + cellSize);
        }
        int width = columns * cellSize;
        int height = rows * cellSize;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" shape-rendering=\"crispEdges\">",
                width, height, width, height));
        svg.append("<title>").append(Xml.escape(title)).append("</title>");
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>", width, height));
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double ink = Math.max(0, Math.min(1, pixels[r * columns + c]));
                if (ink > 0) {
                    int level = (int) Math.round(255 * (1 - ink));
                    svg.append(String.format(Locale.ROOT,
                            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#%02x%02x%02x\"/>",
                            c * cellSize, r * cellSize, cellSize, cellSize, level, level, level));
                }
            }
        }
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"0.5\" y=\"0.5\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999999\"/>", width - 1, height - 1));
        return svg.append("</svg>").toString();
    }
}
