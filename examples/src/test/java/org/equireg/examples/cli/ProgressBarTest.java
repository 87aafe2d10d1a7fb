package org.equireg.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private static final long SECOND = 1_000_000_000L;

    /** A clock the test advances by hand. */
    private static final class FakeClock {
        long now;
    }

    @Test
    void plainOutputPrintsOneLinePerCheckpointAndNoCarriageReturns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FakeClock clock = new FakeClock();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "run 1", 4, () -> clock.now);
        clock.now = SECOND;
        bar.update(1, "step 1");
        clock.now = 2 * SECOND;
        bar.checkpoint(2, "epoch 1/2");
        clock.now = 4 * SECOND;
        bar.checkpoint(4, "epoch 2/2");
        bar.finish("done");
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), text);
        assertEquals(String.join(System.lineSeparator(),
                "run 1   50%  epoch 1/2  ETA 0:02",
                "run 1  100%  epoch 2/2  ETA 0:00",
                "run 1  [############] 100%  done  in 4.0s",
                ""), text);
    }

    @Test
    void terminalOutputRedrawsInPlaceAndWipesLongerLines() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FakeClock clock = new FakeClock();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, "r", 2, () -> clock.now);
        clock.now = SECOND;
        bar.update(1, "a much longer status text");
        clock.now = SECOND + 1; // within the redraw interval: skipped
        bar.update(1, "skipped");
        clock.now = 2 * SECOND;
        bar.checkpoint(2, "short");
        bar.finish("done");
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("skipped"), text);
        assertEquals(3, text.chars().filter(c -> c == '\r').count(), text);
        assertTrue(text.contains("\rr  [######......]  50%  a much longer status text  ETA 0:01"), text);
        String shortLine = "\rr  [############] 100%  short  ETA 0:00";
        int wiped = ("r  [######......]  50%  a much longer status text  ETA 0:01").length() - (shortLine.length() - 1);
        assertTrue(text.contains(shortLine + " ".repeat(wiped)), text);
        assertTrue(text.endsWith(System.lineSeparator()), text);
    }

    @Test
    void etaExtrapolatesTheAverageStep() {
        assertEquals("?", ProgressBar.eta(5 * SECOND, 0, 10));
        assertEquals("0:45", ProgressBar.eta(5 * SECOND, 1, 10));
        assertEquals("1:30", ProgressBar.eta(90 * SECOND, 5, 10));
        assertEquals("1:00:00", ProgressBar.eta(3600 * SECOND, 1, 2));
        assertEquals("0:00", ProgressBar.eta(9 * SECOND, 10, 10));
    }
}
