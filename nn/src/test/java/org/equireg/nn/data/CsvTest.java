package org.equireg.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
