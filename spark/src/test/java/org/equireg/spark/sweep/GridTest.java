package org.equireg.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridTest {
    @Test
    void everyCombinationFirstAxisSlowest() {
        List<Settings> grid = Grid.axis("distance", "kl", "l2").and("lambda", 0.3, 1.0, 3.0).settings();
        assertEquals(6, grid.size());
        assertEquals(Settings.of("distance", "kl", "lambda", 0.3), grid.get(0));
        assertEquals(Settings.of("distance", "kl", "lambda", 1.0), grid.get(1));
        assertEquals(Settings.of("distance", "l2", "lambda", 3.0), grid.get(5));
    }

    @Test
    void integersWidenToLongSoIdsDoNotDependOnTheBoxType() {
        assertEquals(Settings.of("steps", 5L), Settings.of("steps", 5));
        assertEquals(RunKey.of(Settings.of("steps", 5), 1).id(), RunKey.of(Settings.of("steps", 5L), 1).id());
        assertNotEquals(RunKey.of(Settings.of("steps", 5), 1).id(), RunKey.of(Settings.of("steps", 5), 2).id());
        assertNotEquals(RunKey.of(Settings.of("steps", 5), 1).id(), RunKey.of(Settings.of("steps", 5.0), 1).id());
    }

    @Test
    void badAxesAndNamesAreRejectedWithTheValues() {
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class, () -> Grid.axis("lambda", 1.0, "one"));
        assertTrue(mixed.getMessage().contains("mixes Double and String"), mixed.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> Grid.axis("lambda", 1.0, 1.0));
        assertTrue(twice.getMessage().contains("lists 1.0 twice"), twice.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> Settings.of("learning rate", 1.0));
        assertTrue(name.getMessage().contains("'learning rate'"), name.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> Settings.of("shape", new int[] {1}));
        assertTrue(type.getMessage().contains("'shape'"), type.getMessage());
        IllegalArgumentException types = assertThrows(IllegalArgumentException.class,
                () -> Sweep.of(List.of(Settings.of("lambda", 1), Settings.of("lambda", 0.5)), (settings, seed) -> Map.of()));
        assertTrue(types.getMessage().contains("'lambda' is a Double in lambda=0.5 but a Long in lambda=1"), types.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Settings.of("a", 1).get("b"));
        assertTrue(missing.getMessage().contains("[a]"), missing.getMessage());
    }
}
