package org.equireg.examples.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A block marked {@code <!-- excerpt PATH -->} must still be in the file PATH, line for line
 * (indentation included, trailing spaces ignored). A line {@code // ...} (or {@code # ...}) in the
 * excerpt skips lines: the pieces around it must appear in the file in that order.
 */
final class Excerpts {
    private static final Set<String> ELISIONS = Set.of("// ...", "# ...");

    private Excerpts() {
    }

    /** @throws AssertionError naming the block and the first line that is not in the file */
    static void check(Markdown.Block block) throws IOException {
        Path source = Markdown.root().resolve(block.target());
        if (!Files.isRegularFile(source)) {
            throw new AssertionError(block + ": no such file " + block.target());
        }
        List<String> file = Files.readAllLines(source).stream().map(String::stripTrailing).toList();
        int from = 0;
        for (List<String> piece : pieces(block.lines())) {
            int at = indexOf(file, piece, from);
            if (at < 0) {
                throw new AssertionError(block + ": not in " + block.target() + " (in this order): " + firstMissing(file, piece));
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
