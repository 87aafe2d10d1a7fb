package org.equireg.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    void writesThroughALinkAndKeepsPermissions(@TempDir Path folder) throws Exception {
        Path real = folder.resolve("real.html");
        Files.writeString(real, "old");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(folder.resolve("report.html"), real.getFileName());
        AtomicFiles.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(real));
    }

    @Test
    void escapesTheFiveXmlCharacters() {
        assertEquals("a&amp;b&lt;c&gt;d&quot;e&#39;f", Xml.escape("a&b<c>d\"e'f"));
    }
}
