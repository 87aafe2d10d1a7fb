package org.equireg.examples.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.equireg.examples.report.XmlDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The demo end to end on a tiny budget (two epochs of two batches), into a temporary folder. */
class DigitsDemoTest {
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final int EPOCHS = 2;
    private static final int RUNS = 4;

    @Test
    void tinyRunPrintsTheTableAndWritesWellFormedFiles(@TempDir Path folder) throws Exception {
        Path out = folder.resolve("report");
        DemoOptions options = DemoOptions.parse("--epochs", String.valueOf(EPOCHS), "--out", out.toString(),
                "--data", TestData.digits().toString());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertEquals(0, DigitsDemo.demo(options, new PrintStream(printed, true, StandardCharsets.UTF_8), 2));
        String stdout = printed.toString(StandardCharsets.UTF_8);

        String table = Files.readString(out.resolve("table.txt"));
        List<String> lines = table.lines().toList();
        assertEquals(2 + RUNS, lines.size(), table);
        assertTrue(lines.get(0).matches("#\\s+run\\s+lambda\\s+eps\\s+samples\\s+pairs\\s+acc 0\\s+acc 90\\s+acc 180\\s+acc 270\\s+"
                + "equiv\\. error \\+- s\\.e\\.\\s+train time"), lines.get(0));
        assertTrue(lines.get(1).matches("[- ]+"), lines.get(1));
        for (int run = 1; run <= RUNS; run++) {
            String row = lines.get(1 + run);
            assertTrue(row.matches(run + "  .*(\\s+\\d{1,3}\\.\\d%){4}\\s+\\d+\\.\\d{3} \\+- \\d+\\.\\d{3}\\s+\\d+\\.\\d s"), row);
            assertEquals(lines.get(0).length(), row.length(), "aligned: " + row);
        }
        assertTrue(stdout.contains(table), "the printed table is table.txt");

        Document report = XmlDocuments.parse(Files.readString(out.resolve("report.html")));
        assertEquals("html", report.getDocumentElement().getLocalName());
        assertEquals(XHTML, report.getDocumentElement().getNamespaceURI());
        assertEquals(1 + RUNS, rowsOf(report, "results").getLength());
        NodeList svgs = report.getElementsByTagNameNS(SVG, "svg");
        int charts = 0;
        int lieCharts = 0;
        int images = 0;
        for (int i = 0; i < svgs.getLength(); i++) {
            Element svg = (Element) svgs.item(i);
            boolean chart = svg.getElementsByTagNameNS(SVG, "polyline").getLength() > 0;
            NodeList texts = svg.getElementsByTagNameNS(SVG, "text");
            boolean lie = texts.getLength() > 0 && texts.item(0).getTextContent().contains("Lie derivative");
            charts += chart ? 1 : 0;
            lieCharts += lie ? 1 : 0;
            images += chart || lie ? 0 : 1;
            if (chart) {
                assertEquals(EPOCHS * (svg.getElementsByTagNameNS(SVG, "polyline").getLength()),
                        svg.getElementsByTagNameNS(SVG, "circle").getLength(), "one marker per epoch and line");
            }
        }
        assertEquals(3, charts, "loss, accuracy and equivariance charts");
        assertEquals(7 + 1, lieCharts, "a Lie derivative chart per generator, and one by layer");
        assertEquals(6 * 4, images, "six digits at four rotations");
        assertEquals(1 + 6, rowsOf(report, "digits").getLength());

        List<String> history = Files.readAllLines(out.resolve("history.csv"));
        assertEquals(1 + RUNS * EPOCHS, history.size());
        // the run names may hold commas ("box [0,1]"), quoted as CSV does
        assertTrue(history.stream().allMatch(line -> line.replaceAll("\"[^\"]*\"", "name").split(",").length == 8),
                String.join("\n", history));
        assertTrue(history.get(1 + EPOCHS).startsWith("2,\"box [0,1]\",1,"), history.get(1 + EPOCHS));
    }

    private static NodeList rowsOf(Document document, String tableClass) {
        NodeList tables = document.getElementsByTagNameNS(XHTML, "table");
        for (int i = 0; i < tables.getLength(); i++) {
            Element table = (Element) tables.item(i);
            if (tableClass.equals(table.getAttribute("class"))) {
                return table.getElementsByTagNameNS(XHTML, "tr");
            }
        }
        throw new AssertionError("no table of class " + tableClass);
    }

    @Test
    void badFlagsGiveUsageAndStatusTwo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, DigitsDemo.run(new String[] {"--epochs", "zero"}, print(out), print(err)));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("error: flag --epochs needs an integer, got 'zero'"), message);
        assertTrue(message.contains("usage: java --add-modules jdk.incubator.vector -jar examples/target/equireg-examples.jar"), message);
        assertEquals(2, DigitsDemo.run(new String[] {"--frobnicate"}, print(out), print(err)));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, DigitsDemo.run(new String[] {"--help"}, print(out), print(new ByteArrayOutputStream())));
        String usage = out.toString(StandardCharsets.UTF_8);
        for (String flag : new String[] {"--epochs", "--lambda", "--samples", "--seed", "--threads", "--out", "--data", "--help"}) {
            assertTrue(usage.contains("  " + flag), flag + " in\n" + usage);
        }
    }

    @Test
    void missingDataGivesAClearErrorAndStatusOne(@TempDir Path folder) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path missing = folder.resolve("absent.csv.gz");
        assertEquals(1, DigitsDemo.run(new String[] {"--data", missing.toString(), "--out", folder.toString()},
                print(new ByteArrayOutputStream()), print(err)));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains(missing.toAbsolutePath().toString()) && message.contains("digits data not found"), message);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
