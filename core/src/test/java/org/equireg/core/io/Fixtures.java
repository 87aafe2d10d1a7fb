package org.equireg.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The committed fixtures of {@code scripts/safetensors_fixtures.py}, on the test class path. */
final class Fixtures {
    private Fixtures() {
    }

    /** The fixture file {@code name} (for example {@code "dtype_F16.safetensors"}). */
    static Path path(String name) {
        URL url = Fixtures.class.getResource("/safetensors/" + name);
        if (url == null) {
            throw new IllegalStateException("fixture " + name + " is missing; run scripts/safetensors_fixtures.py");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every fixture file, sorted by name. */
    static List<Path> all() {
        try (Stream<Path> files = Files.list(path("shapes.safetensors").getParent())) {
            return files.filter(file -> file.toString().endsWith(".safetensors")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
