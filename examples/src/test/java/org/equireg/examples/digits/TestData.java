package org.equireg.examples.digits;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's digits file, found from the module folder (where Maven runs tests) or the root. */
final class TestData {
    private TestData() {
    }

    static Path digits() {
        for (String candidate : new String[] {"data/digits.csv.gz", "../data/digits.csv.gz"}) {
            Path path = Path.of(candidate);
            if (Files.isRegularFile(path)) {
                return path;
            }
        }
        throw new IllegalStateException("data/digits.csv.gz not found from " + Path.of("").toAbsolutePath());
    }
}
