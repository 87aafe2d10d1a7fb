package org.equireg.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @Test
    void createsFoldersReplacesFilesAndLeavesNoTemporaries(@TempDir Path folder) throws Exception {
        Path target = folder.resolve("a/b/report.html");
        AtomicFiles.writeString(target, "first");
        AtomicFiles.writeString(target, "second é");
        assertEquals("second é", Files.readString(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void escapesTheFiveXmlCharacters() {
        assertEquals("a&amp;b&lt;c&gt;d&quot;e&#39;f", Xml.escape("a&b<c>d\"e'f"));
    }
}
