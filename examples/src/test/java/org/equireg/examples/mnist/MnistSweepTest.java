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

/** The MNIST sweep end to end in {@code local[2]} with {@code --quick}: two runs of protocol S, then a rerun that skips them. */
class MnistSweepTest {
    private static final String DATA = Path.of("..", "data").toString();

    @Test
    void quickSweepWritesTheTablesAndReportAndARerunSkipsTheFinishedRuns(@TempDir Path folder) throws Exception {
        String[] args = {"--quick", "--master", "local[2]", "--protocols", "S", "--distances", "kl", "--lambdas", "1", "--degrees", "15",
            "--seeds", "1,2", "--out", folder.toString(), "--data", DATA};
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertEquals(0, MnistSweep.run(args, new PrintStream(printed, true, StandardCharsets.UTF_8), System.err));
        String stdout = printed.toString(StandardCharsets.UTF_8);
        assertTrue(stdout.contains("[sweep] 2/2 runs done (0 failed)"), stdout);

        List<String> csv = Files.readAllLines(folder.resolve("S/results.csv"));
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(0).startsWith("run_id,protocol,distance,lambda,epsilon,degrees,seed,status,error,seconds,host,accuracy,accuracy_15"),
                csv.get(0));
        assertTrue(csv.get(1).contains(",S,kl,1.0,0.0,15.0,1,OK,,"), csv.get(1));
        Document report = XmlDocuments.parse(Files.readString(folder.resolve("S/report.html")));
        String text = report.getDocumentElement().getTextContent();
        assertTrue(text.contains("Configurations by mean accuracy over seeds"), text);
        assertTrue(!text.contains("accuracy against lambda"), "one lambda: no chart for it");
        assertTrue(Files.isDirectory(folder.resolve("S/results.parquet")));

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertEquals(0, MnistSweep.run(args, new PrintStream(again, true, StandardCharsets.UTF_8), System.err));
        assertTrue(again.toString(StandardCharsets.UTF_8).contains("2 finished before, 0 to run"), again.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theFlagsInTheDocsAreTheProgramsOwn() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "spark.md"));
        String marker = "```text output-of=mnist-sweep-help\n";
        int start = page.indexOf(marker) + marker.length();
        String block = page.substring(start, page.indexOf("```", start));
        assertTrue(start > marker.length() && SweepOptions.usage().contains(block), block);
    }

    @Test
    void aBadFlagValueExitsWithStatus2NamingIt() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        assertEquals(2, MnistSweep.run(new String[] {"--distances", "kl,cosine"}, System.out, new PrintStream(errors, true, StandardCharsets.UTF_8)));
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("unknown distance 'cosine'"), errors.toString(StandardCharsets.UTF_8));
    }
}
