/**
 * Self-contained report building blocks: XML escaping ({@link org.equireg.examples.report.Xml}),
 * line charts ({@link org.equireg.examples.report.SvgLineChart}) and pixel images
 * ({@link org.equireg.examples.report.SvgPixels}) as inline SVG. The output is well-formed XML, so
 * an HTML page built from it parses as XHTML and needs no scripts or external files.
 */
package org.equireg.examples.report;
