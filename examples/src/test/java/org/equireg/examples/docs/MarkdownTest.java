package org.equireg.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The page reader DocsTest relies on: what it takes for a block, a link, an anchor and a claim. */
class MarkdownTest {
    private static final Markdown.Page PAGE = new Markdown.Page("docs/x.md", List.of(
            "# A page: the title",
            "See [the tour](TOUR.md#1-the-computation) and `[not a link](nowhere.md)`.",
            "<!-- excerpt core/Foo.java -->",
            "```java",
            "int x = 1;   // [not a link](inside.md)",
            "## Not a heading, inside a block",
            "```",
            "## Repeated",
            "## Repeated",
            "It has <!-- claim primitive-count -->37 primitives and <!-- claim reduction-chains -->`4 * 64 / Double.BYTES`",
            "chains; the syntax `<!-- claim NAME -->VALUE` is not a claim.",
            "```text output",
            "done",
            "```"));

    @Test
    void blocksCarryTheirInfoStringAndMarker() {
        List<Markdown.Block> blocks = PAGE.blocks();
        assertEquals(2, blocks.size());
        assertEquals(new Markdown.Block("docs/x.md", 4, "java", "excerpt", "core/Foo.java",
                List.of("int x = 1;   // [not a link](inside.md)", "## Not a heading, inside a block")), blocks.get(0));
        assertEquals("text output", blocks.get(1).info());
        assertEquals("", blocks.get(1).marker());
        assertEquals("done\n", blocks.get(1).text());
    }

    @Test
    void linksOutsideCodeOnly() {
        assertEquals(List.of(new Markdown.Link("docs/x.md", 2, "TOUR.md#1-the-computation")), PAGE.links());
    }

    @Test
    void anchorsAsGitHubMakesThem() {
        assertEquals(Set.of("a-page-the-title", "repeated", "repeated-1"), PAGE.anchors());
    }

    @Test
    void claimsAreWordsOrCodeSpansAfterTheMarker() {
        assertEquals(List.of(new Markdown.Claim("docs/x.md", 10, "primitive-count", "37"),
                new Markdown.Claim("docs/x.md", 10, "reduction-chains", "4 * 64 / Double.BYTES")), PAGE.claims());
    }

    @Test
    void anUnclosedFenceIsAnError() {
        Markdown.Page broken = new Markdown.Page("docs/y.md", List.of("text", "```sh", "ls"));
        assertThrows(IllegalStateException.class, broken::blocks);
    }
}
