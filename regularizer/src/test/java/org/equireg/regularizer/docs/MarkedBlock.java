package org.equireg.regularizer.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced code block of a Markdown file marked by the HTML comment right above it,
 * {@code <!-- excerpt path/from/the/root -->} or {@code <!-- output name -->}.
 *
 * @param document the Markdown file, relative to the repository root
 * @param line the 1-based line of the marker
 * @param kind {@code excerpt} or {@code output}
 * @param target the path or name after the kind
 * @param lines the block's lines, without the fences
 */
record MarkedBlock(String document, int line, String kind, String target, List<String> lines) {
    private static final Pattern MARKER = Pattern.compile("<!-- (excerpt|output) (\\S+) -->");

    /** The repository root: the parent of the module directory the tests run in. */
    static Path root() {
        return Path.of("").toAbsolutePath().getParent();
    }

    /** Every marked block of {@code document}; a marker not followed by a fenced block is an error. */
    static List<MarkedBlock> read(String document) throws IOException {
        List<String> text = Files.readAllLines(root().resolve(document));
        List<MarkedBlock> blocks = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            Matcher marker = MARKER.matcher(text.get(i).trim());
            if (!marker.matches()) {
                continue;
            }
            if (i + 1 >= text.size() || !text.get(i + 1).startsWith("```")) {
                throw new AssertionError(document + ":" + (i + 1) + ": the marker is not followed by a ``` block");
            }
            int end = i + 2;
            while (end < text.size() && !text.get(end).startsWith("```")) {
                end++;
            }
            if (end == text.size()) {
                throw new AssertionError(document + ":" + (i + 1) + ": the block is not closed");
            }
            blocks.add(new MarkedBlock(document, i + 1, marker.group(1), marker.group(2), text.subList(i + 2, end)));
        }
        return blocks;
    }

    String where() {
        return document + ":" + line + " (" + kind + " " + target + ")";
    }
}
