package org.equireg.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fenced block, link and marked claim of README.md and of every page under docs/ is checked
 * here, from the page text itself. A block must say what it is, by its info string or by an HTML
 * comment right above it; a block of any other kind fails, so a new page or block cannot go unchecked:
 * <ul>
 * <li>{@code ```java runnable}: import lines, then statements. Compiled as the body of a
 *     {@code main} method and run in a new JVM from the repository root; it must write nothing to
 *     standard error but the JVM's incubator-module warning. When the next block is
 *     {@code ```text output}, the program must print exactly that.</li>
 * <li>{@code ```text output}: what the {@code java runnable} block just before it prints.</li>
 * <li>{@code ```text output-of=NAME}: lines a program prints ({@link #PROGRAMS} names them), checked to
 *     appear together in its output; times such as {@code 2.3 s} are not compared.</li>
 * <li>{@code <!-- excerpt PATH -->} above a block: the block is still in the file PATH, line for line
 *     (trailing spaces aside); a line {@code // ...} or {@code # ...} skips lines of the file.</li>
 * <li>{@code <!-- output NAME -->} above a block: what {@link #OUTPUTS} NAME prints.</li>
 * <li>{@code ```sh}, {@code ```xml}, {@code ```kotlin}, {@code ```properties}: commands, build and
 *     configuration files, not run here (CI runs
 *     the README commands and examples/consumer); equireg versions in them must be the project's.</li>
 * <li>{@code ```text jshell}: a REPL transcript that {@link ReplSessionTest} replays.</li>
 * <li>{@code ```text measured} (results of runs that take minutes to hours; the text around names the
 *     command and conditions) and {@code ```text failure} (what a test prints when a step is skipped):
 *     quoted, not rerun.</li>
 * </ul>
 * Links: a relative link must name a file or folder that exists, and its {@code #anchor} a heading of
 * the Markdown page it names. Claims: see {@link Claims}.
 */
class DocsTest {
    /**
     * The programs whose output the pages quote: name to JVM flags, main class and arguments (DATA: the
     * digits file). The help is printed as on 2 processors, the thread default the pages quote.
     */
    private static final Map<String, List<String>> PROGRAMS = Map.of(
            "digits", List.of("org.equireg.examples.digits.DigitsDemo", "--data", "DATA"),
            "digits-help", List.of("-XX:ActiveProcessorCount=2", "org.equireg.examples.digits.DigitsDemo", "--help"),
            "digits-float32", List.of("org.equireg.examples.digits.DigitsDemo", "--data", "DATA", "--dtype", "float32",
                    "--threads", "1"),
            "shift", List.of("org.equireg.examples.shift.ShiftEquivarianceExample"),
            "mnist-help", List.of("-XX:ActiveProcessorCount=2", "org.equireg.examples.mnist.MnistStudy", "--help"),
            "mnist-sweep-help", List.of("-XX:ActiveProcessorCount=2", "org.equireg.examples.mnist.MnistSweep", "--help"));
    /** What each {@code <!-- output NAME -->} block must hold. */
    private static final Map<String, Supplier<String>> OUTPUTS = Map.of("computation", TourComputation::computation,
            "lie", LieComputation::example);
    private static final Set<String> QUOTED_ONLY = Set.of("text measured", "text failure", "text jshell");
    private static final Set<String> BUILD_FILES = Set.of("sh", "xml", "kotlin", "properties");
    /** Blocks the pages hold today; guards the reader itself. */
    private static final int MIN_BLOCKS = 60;
    private static final Pattern TIME = Pattern.compile("\\s+\\d+(?:\\.\\d+)? s\\b");
    private static final Pattern VERSION = Pattern.compile(
            "org\\.equireg:equireg-[a-z]+:([^'\"\\s)]+)|<artifactId>equireg-[a-z]+</artifactId>\\s*<version>([^<]+)</version>");

    @TempDir
    Path scratch;

    @TestFactory
    Stream<DynamicTest> everyBlockIsTestedByItsKind() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Markdown.Page page : Markdown.pages()) {
            List<Markdown.Block> blocks = page.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                Markdown.Block block = blocks.get(i);
                Markdown.Block previous = i > 0 ? blocks.get(i - 1) : null;
                Markdown.Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
                tests.add(DynamicTest.dynamicTest(block.toString(), () -> check(block, previous, next)));
            }
        }
        assertTrue(tests.size() >= MIN_BLOCKS, "found only " + tests.size() + " blocks");
        return tests.stream();
    }

    private void check(Markdown.Block block, Markdown.Block previous, Markdown.Block next) throws Exception {
        String info = block.info();
        if (block.marker().equals("excerpt")) {
            Excerpts.check(block);
        } else if (block.marker().equals("output")) {
            Supplier<String> output = OUTPUTS.get(block.target());
            assertTrue(output != null, block + ": no such output; known: " + OUTPUTS.keySet());
            assertEquals(Printed.canonical(output.get().strip()), Printed.canonical(block.text().strip()), block.toString());
        } else if (info.equals("java runnable")) {
            runSnippet(block, next != null && next.info().equals("text output") ? next : null);
        } else if (info.equals("text output")) {
            assertTrue(previous != null && previous.info().equals("java runnable"),
                    block + " must follow a ```java runnable block, whose output it is");
        } else if (info.startsWith("text output-of=")) {
            runProgram(block, info.substring("text output-of=".length()));
        } else if (BUILD_FILES.contains(info)) {
            checkVersions(block);
        } else if (QUOTED_ONLY.contains(info)) {
            assertTrue(!block.text().isBlank(), block + " is empty");
        } else {
            fail(block + ": say what the block is: ```java runnable, ```text output, ```text output-of=NAME, ```sh,"
                    + " ```xml, ```kotlin, ```properties, ```text jshell, ```text measured, ```text failure, or a marker"
                    + " <!-- excerpt PATH --> or <!-- output NAME --> right above it (see DocsTest)");
        }
    }

    @Test
    void everyLinkResolves() throws IOException {
        Set<String> broken = new TreeSet<>();
        int checked = 0;
        for (Markdown.Page page : Markdown.pages()) {
            for (Markdown.Link link : page.links()) {
                String target = link.target();
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? Markdown.root().resolve(page.path())
                        : Markdown.root().resolve(page.path()).getParent().resolve(file).normalize();
                if (!resolved.startsWith(Markdown.root()) || !Files.exists(resolved)) {
                    broken.add(link + " (no such file)");
                } else if (hash >= 0) {
                    String anchor = target.substring(hash + 1);
                    if (!resolved.toString().endsWith(".md")) {
                        broken.add(link + " (an anchor into a file that is not a Markdown page)");
                    } else if (!Markdown.Page.read(Markdown.root().relativize(resolved).toString().replace('\\', '/'))
                            .anchors().contains(anchor)) {
                        broken.add(link + " (no heading with anchor '" + anchor + "')");
                    }
                }
            }
        }
        assertEquals(Set.of(), broken, "links that do not resolve");
        assertTrue(checked > 0, "no relative links found");
    }

    @Test
    void everyClaimHoldsInTheCode() throws IOException {
        List<String> wrong = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (Markdown.Page page : Markdown.pages()) {
            for (Markdown.Claim claim : page.claims()) {
                Supplier<String> value = Claims.VALUES.get(claim.name());
                if (value == null) {
                    wrong.add(claim + ": no such claim in Claims; known: " + new TreeSet<>(Claims.VALUES.keySet()));
                    continue;
                }
                used.add(claim.name());
                if (!value.get().equals(claim.value())) {
                    wrong.add(claim + ": the page says '" + claim.value() + "', the code gives '" + value.get() + "'");
                }
            }
        }
        assertEquals(List.of(), wrong, "claims the code no longer bears out");
        assertEquals(new TreeSet<>(Claims.VALUES.keySet()), used, "claims in Claims that no page makes");
    }

    private void runSnippet(Markdown.Block block, Markdown.Block output) throws Exception {
        String mainClass = JavaRunner.compileSnippet(block, scratch);
        String printed = JavaRunner.run(Markdown.root(), scratch, List.of(), mainClass);
        if (output != null) {
            // Trailing blank lines aside: a fence cannot show them.
            assertEquals(Printed.canonical(output.text()).stripTrailing(), Printed.canonical(printed).stripTrailing(),
                    block + " prints what " + output + " says");
        }
    }

    private void runProgram(Markdown.Block block, String name) throws Exception {
        List<String> command = PROGRAMS.get(name);
        if (command == null) {
            fail(block + ": no program named '" + name + "'; known: " + PROGRAMS.keySet());
        }
        String data = Markdown.root().resolve("data/digits.csv.gz").toString();
        List<String> flags = command.stream().takeWhile(part -> part.startsWith("-")).toList();
        String mainClass = command.get(flags.size());
        String[] arguments = command.stream().skip(flags.size() + 1).map(argument -> argument.equals("DATA") ? data : argument)
                .toArray(String[]::new);
        // A scratch working directory: the demo writes its report under reports/ there.
        String printed = JavaRunner.run(scratch, null, flags, mainClass, arguments);
        String expected = Printed.canonical(comparable(block.text()));
        String actual = Printed.canonical(comparable(printed));
        assertTrue(actual.contains(expected), block + " is not what " + name + " prints now (times aside). It prints:\n"
                + printed);
    }

    /** Trailing blanks dropped and times replaced, so a table's timing column does not count. */
    private static String comparable(String text) {
        String lines = text.lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
        return TIME.matcher(lines).replaceAll(" <time> s");
    }

    private static void checkVersions(Markdown.Block block) {
        Matcher matcher = VERSION.matcher(block.text());
        String project = Claims.projectVersion();
        while (matcher.find()) {
            String version = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            assertEquals(project, version, block + ": " + matcher.group());
        }
    }
}
