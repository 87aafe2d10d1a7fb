package org.equireg.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repository's Markdown pages as the documentation tests read them: README.md and every page
 * under docs/, each with its fenced blocks, links, heading anchors and marked claims. The one reader
 * and the one repository-root finder of the tests; {@link DocsTest} says what each piece must satisfy.
 */
final class Markdown {
    private static final Pattern MARKER = Pattern.compile("<!-- (excerpt|output) (\\S+) -->");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern CLAIM = Pattern.compile("<!-- claim ([\\w-]+) -->(`[^`]+`|[^\\s,;:)]+)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern HEADING = Pattern.compile("#{1,6} (.+)");

    private Markdown() {
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

    /** README.md, then every {@code .md} file under docs/ (sub-folders included), in path order. */
    static List<Page> pages() throws IOException {
        List<Page> pages = new ArrayList<>(List.of(Page.read("README.md")));
        try (Stream<Path> files = Files.walk(root().resolve("docs"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                pages.add(Page.read(root().relativize(file).toString().replace('\\', '/')));
            }
        }
        return pages;
    }

    /**
     * One Markdown file.
     *
     * @param path relative to the repository root, with forward slashes
     * @param lines its lines
     */
    record Page(String path, List<String> lines) {
        static Page read(String path) {
            try {
                return new Page(path, Files.readAllLines(root().resolve(path)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Every fenced block, in order; a fence that is never closed is an error. */
        List<Block> blocks() {
            List<Block> blocks = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).startsWith("```")) {
                    continue;
                }
                int opening = i;
                for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    // the block's lines
                }
                if (i == lines.size()) {
                    throw new IllegalStateException(path + ":" + (opening + 1) + ": the fence is never closed");
                }
                Matcher marker = opening > 0 ? MARKER.matcher(lines.get(opening - 1).trim()) : null;
                boolean marked = marker != null && marker.matches();
                blocks.add(new Block(path, opening + 1, lines.get(opening).substring(3).trim(),
                        marked ? marker.group(1) : "", marked ? marker.group(2) : "", List.copyOf(lines.subList(opening + 1, i))));
            }
            return blocks;
        }

        /** Lines outside fenced blocks, with their 1-based numbers; inline code removed. */
        private List<Numbered> prose() {
            List<Numbered> prose = new ArrayList<>();
            boolean fenced = false;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("```")) {
                    fenced = !fenced;
                } else if (!fenced) {
                    prose.add(new Numbered(i + 1, lines.get(i)));
                }
            }
            return prose;
        }

        /** Every Markdown link {@code [text](target)} outside code. */
        List<Link> links() {
            List<Link> links = new ArrayList<>();
            for (Numbered line : prose()) {
                Matcher link = LINK.matcher(INLINE_CODE.matcher(line.text()).replaceAll("``"));
                while (link.find()) {
                    links.add(new Link(path, line.number(), link.group(1)));
                }
            }
            return links;
        }

        /** The anchors GitHub gives this page's headings: lower case, punctuation dropped, spaces to '-'. */
        Set<String> anchors() {
            Set<String> anchors = new LinkedHashSet<>();
            for (Numbered line : prose()) {
                Matcher heading = HEADING.matcher(line.text());
                if (heading.matches()) {
                    String slug = heading.group(1).strip().toLowerCase(Locale.ROOT)
                            .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                    String unique = slug;
                    for (int n = 1; anchors.contains(unique); n++) {
                        unique = slug + "-" + n;
                    }
                    anchors.add(unique);
                }
            }
            return anchors;
        }

        /** Every {@code <!-- claim NAME -->VALUE} in the prose: VALUE is a {@code `code span`} or a word. */
        List<Claim> claims() {
            List<Claim> claims = new ArrayList<>();
            for (Numbered line : prose()) {
                Matcher claim = CLAIM.matcher(line.text());
                while (claim.find()) {
                    if (insideCode(line.text(), claim.start())) {
                        continue;   // a page showing the marker's syntax, not making a claim
                    }
                    String value = claim.group(2);
                    claims.add(new Claim(path, line.number(), claim.group(1),
                            value.startsWith("`") ? value.substring(1, value.length() - 1) : value));
                }
            }
            return claims;
        }
    }

    /** Whether {@code position} falls inside a {@code `code span`} of the line. */
    private static boolean insideCode(String line, int position) {
        Matcher code = INLINE_CODE.matcher(line);
        while (code.find()) {
            if (code.start() < position && position < code.end()) {
                return true;
            }
        }
        return false;
    }

    private record Numbered(int number, String text) {
    }

    /**
     * One fenced block.
     *
     * @param document the page, relative to the root
     * @param line the 1-based line of the opening fence
     * @param info the info string after the fence, e.g. {@code "java runnable"}; empty when none
     * @param marker {@code excerpt} or {@code output} when an HTML comment right above marks the block; else empty
     * @param target what the marker names: a file for {@code excerpt}, an output for {@code output}
     * @param lines the lines between the fences
     */
    record Block(String document, int line, String info, String marker, String target, List<String> lines) {
        /** The lines joined, each ending in a newline. */
        String text() {
            return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        }

        @Override
        public String toString() {
            return document + ":" + line + " (```" + info + (marker.isEmpty() ? "" : ", " + marker + " " + target) + ")";
        }
    }

    /**
     * A link in the prose.
     *
     * @param document the page it is on
     * @param line its 1-based line
     * @param target what the parentheses hold: a URL, or a path relative to the page, maybe with {@code #anchor}
     */
    record Link(String document, int line, String target) {
        @Override
        public String toString() {
            return document + ":" + line + " -> " + target;
        }
    }

    /**
     * A claim in the prose whose value a test reads from the code.
     *
     * @param document the page it is on
     * @param line its 1-based line
     * @param name the claim's name in {@link Claims}
     * @param value what the page says
     */
    record Claim(String document, int line, String name, String value) {
        @Override
        public String toString() {
            return document + ":" + line + " (claim " + name + ")";
        }
    }
}
