package org.equireg.examples.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fenced code blocks of the repository's README.md, with the info string that says what each is
 * and how it is tested ({@link ReadmeTest} lists the kinds).
 */
final class Readme {
    private Readme() {
    }

    /**
     * One fenced block.
     *
     * @param line the line number of its opening fence (1-based)
     * @param info the info string after the opening fence, e.g. {@code "java runnable"}; empty when none
     * @param text the lines between the fences, each ending in a newline
     */
    record Block(int line, String info, String text) {
        @Override
        public String toString() {
            return "README.md line " + line + " (```" + info + ")";
        }
    }

    /** The repository root: the nearest folder up from the working directory that holds README.md and mvnw. */
    static Path root() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("README.md")) && Files.isRegularFile(folder.resolve("mvnw"))) {
                return folder;
            }
        }
        throw new IllegalStateException("no README.md with mvnw above " + Path.of("").toAbsolutePath());
    }

    /** Every fenced block of README.md, in order. */
    static List<Block> blocks() throws IOException {
        List<String> lines = Files.readAllLines(root().resolve("README.md"));
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```")) {
                continue;
            }
            int opening = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            if (i == lines.size()) {
                throw new IllegalStateException("README.md line " + (opening + 1) + ": the fence is never closed");
            }
            blocks.add(new Block(opening + 1, lines.get(opening).substring(3).trim(), text.toString()));
        }
        return blocks;
    }
}
