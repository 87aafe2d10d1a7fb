package org.equireg.regularizer.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the learner's documents true to the code: every block marked {@code <!-- excerpt PATH -->}
 * must still be in the file PATH, line for line (indentation included, trailing spaces ignored), and
 * every relative link must name a file or folder that exists. A line {@code // ...} (or {@code # ...})
 * in an excerpt skips lines: the pieces around it must appear in the file in that order.
 */
class DocExcerptsTest {
    static final List<String> DOCUMENTS = List.of("docs/TOUR.md", "docs/ADDING_AN_OP.md", "docs/lie-derivative.md");
    /** Excerpts the documents hold today; guards the marker parser itself. */
    private static final int MIN_EXCERPTS = 25;
    private static final Set<String> ELISIONS = Set.of("// ...", "# ...");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");

    @Test
    void everyExcerptIsStillInItsFile() throws IOException {
        List<String> problems = new ArrayList<>();
        int excerpts = 0;
        for (String document : DOCUMENTS) {
            for (MarkedBlock block : MarkedBlock.read(document)) {
                if (block.kind().equals("excerpt")) {
                    excerpts++;
                    check(block, problems);
                }
            }
        }
        assertEquals(List.of(), problems, "excerpts that no longer match the code");
        assertTrue(excerpts >= MIN_EXCERPTS, "found only " + excerpts + " excerpts in " + DOCUMENTS);
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        Set<String> broken = new TreeSet<>();
        for (String document : DOCUMENTS) {
            Path file = MarkedBlock.root().resolve(document);
            Matcher link = LINK.matcher(Files.readString(file));
            while (link.find()) {
                String target = link.group(1);
                if (!target.contains("://") && !Files.exists(file.getParent().resolve(target))) {
                    broken.add(document + " -> " + target);
                }
            }
        }
        assertEquals(Set.of(), broken, "links to files that do not exist");
    }

    private static void check(MarkedBlock block, List<String> problems) throws IOException {
        Path source = MarkedBlock.root().resolve(block.target());
        if (!Files.isRegularFile(source)) {
            problems.add(block.where() + ": no such file");
            return;
        }
        List<String> file = Files.readAllLines(source).stream().map(String::stripTrailing).toList();
        int from = 0;
        for (List<String> piece : pieces(block.lines())) {
            int at = indexOf(file, piece, from);
            if (at < 0) {
                problems.add(block.where() + ": not in the file (in this order): " + firstMissing(file, piece));
                return;
            }
            from = at + piece.size();
        }
    }

    /** The excerpt split at its elision lines, trailing spaces stripped. */
    private static List<List<String>> pieces(List<String> lines) {
        List<List<String>> pieces = new ArrayList<>();
        List<String> piece = new ArrayList<>();
        for (String line : lines) {
            if (ELISIONS.contains(line.trim())) {
                pieces.add(piece);
                piece = new ArrayList<>();
            } else {
                piece.add(line.stripTrailing());
            }
        }
        pieces.add(piece);
        pieces.removeIf(List::isEmpty);
        return pieces;
    }

    private static int indexOf(List<String> file, List<String> piece, int from) {
        for (int at = from; at + piece.size() <= file.size(); at++) {
            if (file.subList(at, at + piece.size()).equals(piece)) {
                return at;
            }
        }
        return -1;
    }

    /** The first line of the piece that breaks the longest run matching the file, for the message. */
    private static String firstMissing(List<String> file, List<String> piece) {
        int best = 0;
        for (int at = 0; at < file.size(); at++) {
            int matched = 0;
            while (matched < piece.size() && at + matched < file.size() && file.get(at + matched).equals(piece.get(matched))) {
                matched++;
            }
            best = Math.max(best, matched);
        }
        return "'" + piece.get(best).strip() + "'" + (best > 0 ? " (after " + best + " matching lines)" : "");
    }
}
