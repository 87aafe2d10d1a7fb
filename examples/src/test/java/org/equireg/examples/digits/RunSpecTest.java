package org.equireg.examples.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunSpecTest {
    @Test
    void theFourRunsFollowTheFlags() {
        List<RunSpec> runs = RunSpec.all(0.25, 16);
        assertEquals(4, runs.size());
        assertFalse(runs.get(0).regularized());
        assertEquals("box 16", runs.get(1).sampling());
        assertEquals(0.25, runs.get(1).lambda());
        assertEquals("batch 16", runs.get(2).sampling());
        assertEquals(RunSpec.best(), runs.get(3));
        assertTrue(runs.get(3).regularized());
    }

    @Test
    void describesItselfPlainly() {
        assertEquals("no regularizer", RunSpec.baseline().describe());
        assertEquals("-", RunSpec.baseline().sampling());
        assertEquals("lambda 0.1, epsilon 0.5, samples box 4 + batch 32, 3 pairs per step",
                new RunSpec("x", 0.1, 0.5, 4, 32, 3).describe());
        assertEquals("lambda 2, epsilon 0, samples box 8, 1 pair per step", RunSpec.box(2, 8).describe());
        assertFalse(new RunSpec("zero weight", 0, 0, 0, 32, 1).regularized());
    }

    @Test
    void rejectsNegativeSettings() {
        assertThrows(IllegalArgumentException.class, () -> new RunSpec("x", -1, 0, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RunSpec("x", 1, Double.NaN, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RunSpec("x", 1, 0, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RunSpec("x", 1, 0, 0, 1, 0));
    }
}
