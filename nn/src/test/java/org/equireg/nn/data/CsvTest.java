package org.equireg.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    @TempDir
    Path directory;

    private Path write(String name, String text) throws IOException {
        Path path = directory.resolve(name);
        Files.writeString(path, text);
        return path;
    }

    @Test
    void readsRowsIntoAMatrix() throws IOException {
        Tensor table = Csv.read(write("a.csv", "1,2.5,-3\n4, 5e-1 ,6\n\n"));
        assertArrayEquals(new int[] {2, 3}, table.shape());
        assertArrayEquals(new double[] {1, 2.5, -3, 4, 0.5, 6}, table.toArray());
    }

    @Test
    void readsGzipWhateverTheName() throws IOException {
        Path path = directory.resolve("plain-name.csv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
            out.write("x,y\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
        }
        assertArrayEquals(new double[] {1, 2, 3, 4}, Csv.read(path, 1).toArray());
    }

    /** Spreadsheets write a byte order mark first; it is not part of the first number. */
    @Test
    void skipsALeadingByteOrderMark() throws IOException {
        assertArrayEquals(new double[] {1.5, 2, 3, 4}, Csv.read(write("bom.csv", "\uFEFF1.5,2\n3,4\n")).toArray());
        assertArrayEquals(new double[] {3, 4}, Csv.read(write("bom-header.csv", "\uFEFFx,y\n3,4\n"), 1).toArray());
        Path inside = write("bom-inside.csv", "1,2\n\uFEFF3,4\n");
        assertTrue(assertThrows(IOException.class, () -> Csv.read(inside)).getMessage().contains("line 2, column 1"));
    }

    /** A cut, corrupted or padded gzip file fails with the file's name and what is wrong, never silently. */
    @Test
    void brokenGzipFilesAreNamed() throws IOException {
        byte[] gzipped = gzip("x,y\n1,2\n3,4\n");
        assertGzipMessage("cut.csv.gz", Arrays.copyOf(gzipped, gzipped.length - 12), "truncated gzip stream");
        assertGzipMessage("no-trailer.csv.gz", Arrays.copyOf(gzipped, gzipped.length - 8), "trailer");
        byte[] wrongCrc = gzipped.clone();
        wrongCrc[wrongCrc.length - 8] ^= 1;
        assertGzipMessage("crc.csv.gz", wrongCrc, "corrupt gzip stream", "CRC");
        byte[] junk = Arrays.copyOf(gzipped, gzipped.length + 3);
        junk[gzipped.length] = 'j';
        assertGzipMessage("junk.csv.gz", junk, "trailing bytes after the end of the gzip stream", "0x6a");
        byte[] second = gzip("5,6\n");
        byte[] twoMembers = Arrays.copyOf(gzipped, gzipped.length + second.length);
        System.arraycopy(second, 0, twoMembers, gzipped.length, second.length);
        Path concatenated = directory.resolve("two-members.csv.gz");
        Files.write(concatenated, twoMembers);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, Csv.read(concatenated, 1).toArray(), "gzip members concatenate");
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private void assertGzipMessage(String name, byte[] content, String... fragments) throws IOException {
        Path path = directory.resolve(name);
        Files.write(path, content);
        String message = assertThrows(IOException.class, () -> Csv.read(path, 1)).getMessage();
        assertTrue(message.contains(path.toString()), message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "'" + fragment + "' missing from: " + message);
        }
    }

    @Test
    void readsTheDigitsData() throws IOException {
        Tensor digits = Csv.read(Path.of("..", "data", "digits.csv.gz"));
        assertArrayEquals(new int[] {1797, 65}, digits.shape());
        assertEquals(16.0, digits.slice(1, 0, 64).max().item());
        assertEquals(9.0, digits.slice(1, 64, 65).max().item());
    }

    @Test
    void malformedRowsAreNamedByLineAndColumn() throws IOException {
        Path ragged = write("ragged.csv", "1,2,3\n4,5\n");
        assertEquals(ragged + ": line 2 has 2 values, expected 3 like the first row",
                assertThrows(IOException.class, () -> Csv.read(ragged)).getMessage());
        Path text = write("text.csv", "1,2\n3,x\n");
        assertEquals(text + ": line 2, column 2: 'x' is not a number",
                assertThrows(IOException.class, () -> Csv.read(text)).getMessage());
        Path suffix = write("suffix.csv", "1,2d\n");
        assertThrows(IOException.class, () -> Csv.read(suffix));
        Path empty = write("empty.csv", "\n\n");
        assertEquals(empty + ": no data rows", assertThrows(IOException.class, () -> Csv.read(empty)).getMessage());
        assertThrows(IOException.class, () -> Csv.read(directory.resolve("missing.csv")));
    }
}
