package org.equireg.examples.mnist;

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

/** The study end to end with {@code --quick} (3 steps per run, 64 test images), into a temporary folder. */
class MnistStudyTest {
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String DATA = Path.of("..", "data").toString();

    @Test
    void quickRunPrintsBothTablesAndWritesWellFormedFiles(@TempDir Path folder) throws Exception {
        Path out = folder.resolve("report");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertEquals(0, MnistStudy.run(new String[] {"--quick", "--seeds", "1,2", "--out", out.toString(), "--data", DATA},
                new PrintStream(printed, true, StandardCharsets.UTF_8), System.err));
        String stdout = printed.toString(StandardCharsets.UTF_8);

        String tables = Files.readString(out.resolve("table.txt"));
        assertTrue(stdout.contains(tables), "the printed tables are table.txt");
        List<String> lines = tables.lines().toList();
        assertTrue(lines.get(0).startsWith("study R: test accuracy at rotations"), lines.get(0));
        assertTrue(lines.get(1).matches("run\\s+0 deg\\s+15 deg\\s+30 deg\\s+45 deg\\s+60 deg\\s+90 deg\\s+train time\\s+train CPU"), lines.get(1));
        for (int row = 3; row < 9; row++) {
            assertTrue(lines.get(row).matches(".+?(\\s+\\d{1,3}\\.\\d%){6}\\s+\\d+ s\\s+\\d+ s"), lines.get(row));
        }
        assertTrue(lines.get(8).startsWith("Lie reg batch "), lines.get(8));
        assertTrue(lines.get(10).startsWith("study S: test accuracy with 100 labels"), lines.get(10));
        assertTrue(lines.get(11).matches("run\\s+seed 1\\s+seed 2\\s+mean\\s+min\\.\\.max\\s+train time\\s+train CPU"), lines.get(11));
        assertTrue(lines.get(13).startsWith("supervised "), lines.get(13));
        assertTrue(lines.get(17).startsWith("reg unlabeled (ce logits) "), lines.get(17));
        assertTrue(lines.get(18).startsWith("Lie reg unlabeled "), lines.get(18));
        // then the Lie derivative tables: study R's runs, and study S's runs at the first seed
        assertTrue(lines.get(20).startsWith("study R: Lie derivatives"), lines.get(20));
        assertTrue(lines.get(21).matches("run\\s+rotation\\s+translation x\\s+translation y\\s+scale\\s+shear\\s+stretch\\s+brightness"),
                lines.get(21));
        for (int row = 23; row < 29; row++) {
            assertTrue(lines.get(row).matches(".+?(\\s+\\d\\.\\d\\de[-+]\\d\\d \\+- \\d+e[-+]\\d\\d|\\s+NaN.*){7}"), lines.get(row));
        }
        assertTrue(lines.get(30).startsWith("study S: Lie derivatives"), lines.get(30));
        assertEquals(39, lines.size(), tables);

        Document report = XmlDocuments.parse(Files.readString(out.resolve("report.html")));
        assertEquals(XHTML, report.getDocumentElement().getNamespaceURI());
        NodeList svgs = report.getElementsByTagNameNS(SVG, "svg");
        int lineCharts = 0;
        int barCharts = 0;
        int digits = 0;
        for (int i = 0; i < svgs.getLength(); i++) {
            Element svg = (Element) svgs.item(i);
            boolean lines2 = svg.getElementsByTagNameNS(SVG, "polyline").getLength() > 0;
            boolean bars = !lines2 && svg.getElementsByTagNameNS(SVG, "circle").getLength() > 0;
            lineCharts += lines2 ? 1 : 0;
            barCharts += bars ? 1 : 0;
            digits += lines2 || bars ? 0 : 1;
        }
        assertEquals(2, lineCharts, "R: accuracy by angle (one epoch makes no per-epoch curve); S: accuracy by step");
        String page = Files.readString(out.resolve("report.html"));
        assertTrue(page.contains("One epoch per run: no accuracy-per-epoch chart."), "the missing chart is explained");
        assertTrue(page.contains("evaluated on the first 64 of the 2000 test images"), "the report says what the quick run used");
        assertTrue(stdout.contains("MNIST: 8000 training pool, 64 of the 2000 test images;"), stdout);
        assertTrue(stdout.contains("(quick smoke run: 3 steps per run)"), stdout);
        assertTrue(stdout.contains("study R (robustness): all 8000 labels, 3 steps, seed 1"), stdout);
        assertEquals(1 + 2 * (7 + 1), barCharts, "S: accuracy per run over the draws; R and S: a Lie chart per generator, and layers");
        assertEquals(6 * 4, digits, "six digits at four angles");
        assertTrue(report.getElementsByTagNameNS(XHTML, "table").getLength() >= 3);

        List<String> history = Files.readAllLines(out.resolve("history.csv"));
        assertEquals("study,run,seed,step,train_loss,penalty,test_accuracy", history.get(0));
        // R: 6 runs x 1 epoch; S: 6 runs x 2 seeds x 3 checkpoints (one per step in quick mode)
        assertEquals(1 + 6 + 6 * 2 * 3, history.size(), String.join("\n", history));
        assertTrue(history.stream().skip(1).allMatch(line -> line.split(",").length == 7), String.join("\n", history));
    }

    @Test
    void badFlagsGiveUsageAndStatusTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, MnistStudy.run(new String[] {"--study", "Q"}, print(new ByteArrayOutputStream()), print(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: flag --study needs R, S or both, got 'Q'"), err.toString());
        assertEquals(2, MnistStudy.run(new String[] {"--seeds", "1,1"}, print(new ByteArrayOutputStream()), print(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("flag --seeds lists 1 twice"), err.toString());
        assertEquals(2, MnistStudy.run(new String[] {"--runs", "7"}, print(new ByteArrayOutputStream()), print(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("flag --runs needs run numbers in 1..6, got 7"), err.toString());
    }

    @Test
    void helpListsEveryFlag() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, MnistStudy.run(new String[] {"--help"}, print(out), print(new ByteArrayOutputStream())));
        String usage = out.toString(StandardCharsets.UTF_8);
        for (String flag : new String[] {"--study", "--epochs", "--steps", "--runs", "--seeds", "--threads", "--no-reuse", "--quick", "--out",
                "--data", "--help"}) {
            assertTrue(usage.contains("  " + flag), flag + " in\n" + usage);
        }
    }

    @Test
    void missingDataGivesAClearErrorAndStatusOne(@TempDir Path folder) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, MnistStudy.run(new String[] {"--quick", "--data", folder.toString(), "--out", folder.toString()},
                print(new ByteArrayOutputStream()), print(err)));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("mnist10k-images-idx3-ubyte.gz") && message.contains("MNIST data not found"), message);
    }

    @Test
    void labeledSplitTakesTenOfEachClassAndKeepsTheRest() throws Exception {
        MnistData pool = MnistData.load(Path.of(DATA)).split(MnistData.TEST_SIZE, new java.util.SplittableRandom(MnistData.SPLIT_SEED)).pool();
        MnistData[] parts = pool.labeledSplit(10, new java.util.SplittableRandom(1));
        int[] perClass = new int[10];
        for (int label : parts[0].labelArray()) {
            perClass[label]++;
        }
        assertEquals(List.of(10, 10, 10, 10, 10, 10, 10, 10, 10, 10), java.util.Arrays.stream(perClass).boxed().toList());
        assertEquals(pool.size() - 100, parts[1].size());
        assertEquals(8000, pool.size());
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
