package org.equireg.regularizer.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.equireg.core.kernels.Parallel;
import org.junit.jupiter.api.Test;

/**
 * Same seed, same loss curve, bit for bit: across runs and across 1, 2 and 4 kernel threads. The
 * model (128 -> 256 -> 10, batch 64, regularizer in the loss) is big enough that its matrix
 * products pass {@link Parallel#MIN_PARALLEL_FLOPS} and are really split over the pool.
 */
class DeterminismTest {
    private static final int STEPS = 12;

    private static double[] curve(long seed, int threads) {
        return Parallel.withThreads(threads, () -> new TrainingRun(seed, 128, 256, 10, 64).lossCurve(STEPS));
    }

    @Test
    void sameSeedSameCurveAcrossRunsAndThreadCounts() {
        double[] reference = curve(5, 1);
        assertArrayEquals(reference, curve(5, 1), "second run, 1 thread");
        assertArrayEquals(reference, curve(5, 2), "2 kernel threads");
        assertArrayEquals(reference, curve(5, 4), "4 kernel threads");
        assertArrayEquals(reference, curve(5, 4), "second run, 4 kernel threads");
        assertTrue(Arrays.stream(reference).allMatch(Double::isFinite));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("equireg-kernels-4-")), "the 4-thread runs used pool workers");
    }

    @Test
    void anotherSeedGivesAnotherCurve() {
        assertFalse(Arrays.equals(curve(5, 1), curve(6, 1)), "the comparison above can fail");
    }
}
