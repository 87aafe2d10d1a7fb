package org.equireg.examples.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitsTest {
    @Test
    void loadsTheUciDigitsScaledToTheUnitInterval() throws IOException {
        Digits digits = Digits.load(TestData.digits());
        assertEquals(1797, digits.size());
        assertArrayEquals(new int[] {1797, 1, 8, 8}, digits.images().shape());
        double[] pixels = digits.images().toArray();
        assertEquals(0.0, Arrays.stream(pixels).min().orElseThrow());
        assertEquals(1.0, Arrays.stream(pixels).max().orElseThrow());
        assertTrue(Arrays.stream(pixels).allMatch(p -> p * 16 == Math.rint(p * 16)));
        int[] counts = new int[Digits.CLASSES];
        Arrays.stream(digits.labels()).forEach(label -> counts[label]++);
        assertTrue(Arrays.stream(counts).allMatch(count -> count >= 170 && count <= 190), Arrays.toString(counts));
        // the first row of the file: 0,0,5,13,9,1,0,0,... label 0
        assertEquals(5 / 16.0, digits.images().get(0, 0, 0, 2));
        assertEquals(13 / 16.0, digits.images().get(0, 0, 0, 3));
        assertEquals(0, digits.label(0));
    }

    @Test
    void splitIsSeededDisjointAndThreeToOne() throws IOException {
        Digits digits = Digits.load(TestData.digits());
        Digits.Parts parts = digits.split(0.25, new Streams(1).split());
        Digits.Parts again = digits.split(0.25, new Streams(1).split());
        Digits.Parts other = digits.split(0.25, new Streams(2).split());
        assertEquals(1347, parts.train().size());
        assertEquals(450, parts.test().size());
        assertArrayEquals(parts.test().images().toArray(), again.test().images().toArray());
        assertArrayEquals(parts.test().labels(), again.test().labels());
        assertTrue(!Arrays.equals(parts.test().images().toArray(), other.test().images().toArray()));
        // every image ends up in exactly one part: the pixel sums of both parts add up to the total
        double total = digits.images().sum().item();
        double split = parts.train().images().sum().item() + parts.test().images().sum().item();
        assertEquals(total, split, 1e-9 * total);
    }

    @Test
    void aMissingFileNamesItsPathAndTheFix(@TempDir Path folder) {
        Path missing = folder.resolve("nope.csv.gz");
        NoSuchFileException error = assertThrows(NoSuchFileException.class, () -> Digits.load(missing));
        assertTrue(error.getMessage().contains(missing.toAbsolutePath().toString()), error.getMessage());
        assertTrue(error.getMessage().contains("--data PATH"), error.getMessage());
    }

    @Test
    void malformedRowsAreRejectedWithTheirPosition(@TempDir Path folder) throws IOException {
        String valid = "0,".repeat(64) + "3\n";
        Path outOfRange = folder.resolve("range.csv");
        Files.writeString(outOfRange, valid + "17," + "0,".repeat(63) + "3\n");
        IOException error = assertThrows(IOException.class, () -> Digits.load(outOfRange));
        assertTrue(error.getMessage().contains("line 2, column 1"), error.getMessage());
        Path badLabel = folder.resolve("label.csv");
        Files.writeString(badLabel, "0,".repeat(64) + "10\n");
        assertThrows(IOException.class, () -> Digits.load(badLabel));
        Path narrow = folder.resolve("narrow.csv");
        Files.writeString(narrow, "1,2,3\n");
        assertThrows(IOException.class, () -> Digits.load(narrow));
        Path fine = folder.resolve("fine.csv");
        Files.writeString(fine, valid);
        assertEquals(3, Digits.load(fine).label(0));
    }
}
