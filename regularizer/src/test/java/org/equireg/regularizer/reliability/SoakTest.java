package org.equireg.regularizer.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * 20,000 training steps of a tiny MLP (8 -> 16 -> 4, batch 8) with the regularizer in the loss keep
 * the heap flat: the used heap after garbage collection grows less than {@link #MAX_GROWTH} bytes
 * between step 2,000 and step 20,000, so no graph, gradient or buffer is retained step to step.
 */
class SoakTest {
    private static final int WARM_UP = 2_000;
    private static final int STEPS = 20_000;
    private static final long MAX_GROWTH = 8L << 20;

    @Test
    void heapStaysFlatOverTwentyThousandSteps() {
        TrainingRun run = new TrainingRun(3, 8, 16, 4, 8);
        double first = run.step();
        for (int i = 1; i < WARM_UP; i++) {
            run.step();
        }
        long afterWarmUp = usedHeapAfterGc();
        double last = Double.NaN;
        for (int i = WARM_UP; i < STEPS; i++) {
            last = run.step();
            assertTrue(Double.isFinite(last), "loss at step " + i);
        }
        long atEnd = usedHeapAfterGc();
        System.out.printf("soak: used heap after gc %.2f MB at step %d, %.2f MB at step %d; loss %.4g -> %.4g%n",
                afterWarmUp / 1e6, WARM_UP, atEnd / 1e6, STEPS, first, last);
        assertTrue(atEnd - afterWarmUp < MAX_GROWTH,
                "heap grew " + (atEnd - afterWarmUp) + " bytes from step " + WARM_UP + " to " + STEPS);
        assertTrue(last < first, "the model trains");
    }

    /** The least used heap seen over a few collections (one System.gc() may leave garbage behind). */
    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, runtime.totalMemory() - runtime.freeMemory());
        }
        return least;
    }
}
