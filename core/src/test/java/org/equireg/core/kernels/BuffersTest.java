package org.equireg.core.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The per-thread pool: only arrays a pass lent come back, always zeroed, and never to another thread. */
class BuffersTest {
    private static final int LENGTH = 1000;

    @Test
    void aRecycledArrayIsLentAgainZeroed() {
        double[] first;
        try (Buffers.Pass pass = Buffers.openPass()) {
            first = Buffers.doubles(LENGTH);
            assertTrue(pass.lent(first));
            Arrays.fill(first, 3.5);
            pass.recycle(first);
        }
        double[] second = Buffers.doubles(LENGTH);
        assertSame(first, second);
        assertArrayEquals(new double[LENGTH], second);
        float[] f = recycledFloats();
        float[] again = Buffers.floats(LENGTH);
        assertSame(f, again);
        assertArrayEquals(new float[LENGTH], again);
    }

    private static float[] recycledFloats() {
        try (Buffers.Pass pass = Buffers.openPass()) {
            float[] values = Buffers.floats(LENGTH);
            Arrays.fill(values, -1f);
            pass.recycle(values);
            return values;
        }
    }

    @Test
    void anArrayThePassDidNotLendNeverEntersThePool() {
        double[] outside = Buffers.doubles(LENGTH + 1); // lent with no pass open
        double[] foreign = new double[LENGTH + 1];
        try (Buffers.Pass pass = Buffers.openPass()) {
            assertFalse(pass.lent(outside));
            pass.recycle(outside);
            pass.recycle(foreign);
        }
        double[] next = Buffers.doubles(LENGTH + 1);
        assertNotSame(outside, next);
        assertNotSame(foreign, next);
    }

    @Test
    void anInnerPassDoesNotRecycleWhatTheOuterOneLent() {
        try (Buffers.Pass outer = Buffers.openPass()) {
            double[] byOuter = Buffers.doubles(LENGTH + 2);
            try (Buffers.Pass inner = Buffers.openPass()) {
                assertFalse(inner.lent(byOuter));
                inner.recycle(byOuter);
                assertThrows(IllegalStateException.class, outer::close);
            }
            assertTrue(outer.lent(byOuter));
            assertNotSame(byOuter, Buffers.doubles(LENGTH + 2));
        }
    }

    @Test
    void anotherThreadNeverGetsThisThreadsArrays() throws Exception {
        double[] mine;
        try (Buffers.Pass pass = Buffers.openPass()) {
            mine = Buffers.doubles(LENGTH + 3);
            pass.recycle(mine);
        }
        double[] theirs = CompletableFuture.supplyAsync(() -> Buffers.doubles(LENGTH + 3)).get();
        assertNotSame(mine, theirs);
        assertSame(mine, Buffers.doubles(LENGTH + 3));
    }

    @Test
    void shortArraysAreNotPooled() {
        try (Buffers.Pass pass = Buffers.openPass()) {
            double[] tiny = Buffers.doubles(Buffers.MIN_LENGTH - 1);
            assertFalse(pass.lent(tiny));
        }
    }
}
