package org.equireg.examples.mnist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The overhead probe runs (one block of one step) and prints a row per kind of step; no timing is asserted. */
class RegularizerOverheadTest {
    @Test
    void printsOneRowPerKindOfStep() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            RegularizerOverhead.main(new String[] {"1", "1", "../data"});
        } finally {
            System.setOut(saved);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("plain step") && text.contains("reg batch, task pass reused") && text.contains("reg batch, own pass"), text);
        assertTrue(text.lines().filter(line -> line.matches(".*\\d+\\.\\d+\\s+\\d+\\.\\d+\\s+\\d+\\.\\d+\\s+\\d+\\.\\d+")).count() == 3, text);
    }
}
