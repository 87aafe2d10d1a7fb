package org.equireg.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fenced block of README.md is tested from the README text itself, by the kind its info string
 * names; a block of any other kind, or without one, fails, so a new block must say what it is:
 * <ul>
 * <li>{@code ```java runnable}: import lines, then statements. Compiled as the body of a
 *     {@code main} method and run in a new JVM from the repository root. When the next block is
 *     {@code ```text output}, the program must print exactly that.</li>
 * <li>{@code ```text output}: what the {@code java runnable} block just before it prints.</li>
 * <li>{@code ```text output-of=NAME}: lines a program prints ({@link #PROGRAMS} names them), checked to
 *     appear together in its output; times such as {@code 2.3 s} are not compared.</li>
 * <li>{@code ```sh}, {@code ```xml}, {@code ```groovy}, {@code ```kotlin}: commands and build files,
 *     not run here (CI runs the README commands and examples/consumer); equireg versions in them must
 *     be the project's version.</li>
 * </ul>
 */
class ReadmeTest {
    /**
     * The programs whose output README quotes: name to JVM flags, main class and arguments (DATA: the
     * digits file). The help is printed as on 2 processors, the thread default README quotes.
     */
    private static final Map<String, List<String>> PROGRAMS = Map.of(
            "digits", List.of("org.equireg.examples.digits.DigitsDemo", "--data", "DATA"),
            "digits-help", List.of("-XX:ActiveProcessorCount=2", "org.equireg.examples.digits.DigitsDemo", "--help"),
            "digits-float32", List.of("org.equireg.examples.digits.DigitsDemo", "--data", "DATA", "--dtype", "float32",
                    "--threads", "1"),
            "shift", List.of("org.equireg.examples.shift.ShiftEquivarianceExample"),
            "mnist-help", List.of("-XX:ActiveProcessorCount=2", "org.equireg.examples.mnist.MnistStudy", "--help"));
    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d+(E-?\\d+)?");
    private static final Pattern TIME = Pattern.compile("\\s+\\d+(?:\\.\\d+)? s\\b");
    private static final Pattern VERSION = Pattern.compile(
            "org\\.equireg:equireg-[a-z]+:([^'\"\\s)]+)|<artifactId>equireg-[a-z]+</artifactId>\\s*<version>([^<]+)</version>");

    @TempDir
    Path scratch;

    @TestFactory
    Stream<DynamicTest> everyBlockIsTestedByItsKind() throws IOException {
        List<Readme.Block> blocks = Readme.blocks();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Readme.Block block = blocks.get(i);
            Readme.Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
            Readme.Block previous = i > 0 ? blocks.get(i - 1) : null;
            tests.add(DynamicTest.dynamicTest(block.toString(), () -> check(block, previous, next)));
        }
        return tests.stream();
    }

    private void check(Readme.Block block, Readme.Block previous, Readme.Block next) throws Exception {
        String info = block.info();
        if (info.equals("java runnable")) {
            runSnippet(block, next != null && next.info().equals("text output") ? next : null);
        } else if (info.equals("text output")) {
            assertTrue(previous != null && previous.info().equals("java runnable"),
                    block + " must follow a ```java runnable block, whose output it is");
        } else if (info.startsWith("text output-of=")) {
            runProgram(block, info.substring("text output-of=".length()));
        } else if (List.of("sh", "xml", "groovy", "kotlin").contains(info)) {
            checkVersions(block);
        } else if (info.equals("text measured")) {
            // Results of runs that take minutes to hours (the MNIST study, timing probes): the text
            // around the block names the command and the conditions; a test cannot rerun them.
            assertTrue(!block.text().isBlank(), block + " is empty");
        } else if (info.equals("text jshell")) {
            // A REPL transcript: ReplSessionTest (regularizer) runs it through scripts/jshell.sh.
            return;
        } else {
            fail(block + ": mark the block ```java runnable, ```text output, ```text output-of=NAME, ```sh, ```xml,"
                    + " ```groovy, ```kotlin, ```text jshell or ```text measured (see ReadmeTest)");
        }
    }

    private void runSnippet(Readme.Block block, Readme.Block output) throws Exception {
        String mainClass = JavaRunner.compileSnippet(block, scratch);
        String printed = JavaRunner.run(Readme.root(), scratch, List.of(), mainClass);
        if (output != null) {
            // Trailing blank lines aside: a fence cannot show them.
            assertEquals(canonical(output.text()).stripTrailing(), canonical(printed).stripTrailing(),
                    block + " prints what " + output + " says");
        }
    }

    private void runProgram(Readme.Block block, String name) throws Exception {
        List<String> command = PROGRAMS.get(name);
        if (command == null) {
            fail(block + ": no program named '" + name + "'; known: " + PROGRAMS.keySet());
        }
        String data = Readme.root().resolve("data/digits.csv.gz").toString();
        List<String> flags = command.stream().takeWhile(part -> part.startsWith("-")).toList();
        String mainClass = command.get(flags.size());
        String[] arguments = command.stream().skip(flags.size() + 1).map(argument -> argument.equals("DATA") ? data : argument)
                .toArray(String[]::new);
        // A scratch working directory: the demo writes its report under reports/ there.
        String printed = JavaRunner.run(scratch, null, flags, mainClass, arguments);
        String expected = canonical(comparable(block.text()));
        String actual = canonical(comparable(printed));
        assertTrue(actual.contains(expected), block + " is not what " + name + " prints now (times aside). It prints:\n"
                + printed);
    }

    /**
     * Every decimal number re-printed by this JDK: JDK 19 changed {@code Double.toString} to the
     * shortest digits that round-trip, so README (printed on JDK 17) and JDK 25 spell one double differently.
     */
    private static String canonical(String text) {
        return NUMBER.matcher(text).replaceAll(match -> Double.toString(Double.parseDouble(match.group())));
    }

    /** Trailing blanks dropped and times replaced, so a table's timing column does not count. */
    private static String comparable(String text) {
        String lines = text.lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
        return TIME.matcher(lines).replaceAll(" <time> s");
    }

    private static void checkVersions(Readme.Block block) throws IOException {
        Matcher matcher = VERSION.matcher(block.text());
        String project = projectVersion();
        while (matcher.find()) {
            String version = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            assertEquals(project, version, block + ": " + matcher.group());
        }
    }

    /** The version in the root pom.xml, the one after the parent's artifactId. */
    static String projectVersion() throws IOException {
        String pom = Files.readString(Readme.root().resolve("pom.xml"));
        Matcher matcher = Pattern.compile("<artifactId>equireg-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(matcher.find(), "no version in pom.xml");
        return matcher.group(1);
    }
}
