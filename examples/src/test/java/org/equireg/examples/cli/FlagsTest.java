package org.equireg.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlagsTest {
    private static final List<Flag> FLAGS = List.of(
            Flag.option("epochs", "N", "12", "passes"),
            Flag.option("lambda", "X", "1", "weight"),
            Flag.option("out", "DIR", "reports", "folder"),
            Flag.option("seed", "N", null, "seed"),
            Flag.toggle("help", "usage"));

    @Test
    void defaultsApplyWhenAbsent() throws UsageException {
        Flags flags = Flags.parse(FLAGS);
        assertEquals(12, flags.integer("epochs", 1, 100));
        assertEquals(1.0, flags.nonNegative("lambda"));
        assertEquals(Path.of("reports"), flags.path("out"));
        assertFalse(flags.isSet("help"));
        assertFalse(flags.isSet("epochs"));
    }

    @Test
    void acceptsSpaceAndEqualsForms() throws UsageException {
        Flags flags = Flags.parse(FLAGS, "--epochs", "3", "--lambda=0.25", "--help");
        assertEquals(3, flags.integer("epochs", 1, 100));
        assertEquals(0.25, flags.nonNegative("lambda"));
        assertTrue(flags.isSet("help"));
        assertTrue(flags.isSet("epochs"));
    }

    @Test
    void rejectsMalformedCommandLines() {
        assertMessage("unknown flag --epoch", "--epoch", "3");
        assertMessage("unexpected argument 'extra'", "extra");
        assertMessage("unexpected argument '-e'", "-e", "3");
        assertMessage("flag --epochs needs a value N", "--epochs");
        assertMessage("flag --epochs given twice", "--epochs", "1", "--epochs", "2");
        assertMessage("flag --help takes no value", "--help=yes");
    }

    @Test
    void rejectsBadValues() throws UsageException {
        assertThrows(UsageException.class, () -> Flags.parse(FLAGS, "--epochs", "three").integer("epochs", 1, 100));
        assertThrows(UsageException.class, () -> Flags.parse(FLAGS, "--epochs", "0").integer("epochs", 1, 100));
        assertThrows(UsageException.class, () -> Flags.parse(FLAGS, "--lambda", "-1").nonNegative("lambda"));
        assertThrows(UsageException.class, () -> Flags.parse(FLAGS, "--lambda", "NaN").nonNegative("lambda"));
        assertThrows(UsageException.class, () -> Flags.parse(FLAGS, "--lambda", "Infinity").nonNegative("lambda"));
        assertThrows(UsageException.class, () -> Flags.parse(FLAGS).longInteger("seed"));
        assertEquals(-7L, Flags.parse(FLAGS, "--seed", "-7").longInteger("seed"));
    }

    @Test
    void undeclaredNamesAreProgrammingErrors() throws UsageException {
        Flags flags = Flags.parse(FLAGS);
        assertThrows(IllegalArgumentException.class, () -> flags.isSet("nope"));
    }

    @Test
    void usageListsEveryFlagAlignedWithDefaults() {
        String usage = Flags.usage("demo", "Does things.", FLAGS);
        assertTrue(usage.startsWith("usage: demo [flags]\nDoes things.\n"), usage);
        assertTrue(usage.contains("  --epochs N  passes (default: 12)\n"), usage);
        assertTrue(usage.contains("  --help      usage\n"), usage);
        assertTrue(usage.contains("  --seed N    seed\n"), usage);
    }

    private static void assertMessage(String expected, String... args) {
        UsageException error = assertThrows(UsageException.class, () -> Flags.parse(FLAGS, args));
        assertEquals(expected, error.getMessage());
    }
}
