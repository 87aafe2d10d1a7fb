package org.equireg.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private static final long BIG = Parallel.MIN_PARALLEL_FLOPS;

    @Test
    void everyTaskRunsExactlyOnce() {
        for (int threads : new int[] {1, 2, 3, 4}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(1000);
            Parallel.withThreads(threads, () -> Parallel.forEach(runs.length(), BIG, runs::incrementAndGet));
            for (int i = 0; i < runs.length(); i++) {
                assertEquals(1, runs.get(i), "task " + i + " with " + threads + " threads");
            }
        }
    }

    @Test
    void bigWorkUsesPoolThreadsAndSmallWorkStaysOnTheCaller() {
        Set<Thread> big = ConcurrentHashMap.newKeySet();
        Set<Thread> small = ConcurrentHashMap.newKeySet();
        CountDownLatch secondThreadSeen = new CountDownLatch(1);
        Parallel.withThreads(4, () -> {
            Parallel.forEach(400, BIG, i -> {
                big.add(Thread.currentThread());
                if (big.size() > 1) {
                    secondThreadSeen.countDown();
                }
                if (i == 0) {
                    // Hold one task until another thread has run one: only a helper can release it.
                    awaitUninterruptibly(secondThreadSeen);
                }
            });
            Parallel.forEach(400, BIG - 1, i -> small.add(Thread.currentThread()));
        });
        assertEquals(Set.of(Thread.currentThread()), small);
        assertTrue(big.size() > 1, "expected pool threads to help, got " + big);
        for (Thread thread : big) {
            assertTrue(thread == Thread.currentThread() || thread.isDaemon(), thread + " is not a daemon");
        }
    }

    @Test
    void nestedWorkRunsOnTheThreadThatAsked() {
        Set<String> violations = ConcurrentHashMap.newKeySet();
        Parallel.withThreads(2, () -> Parallel.forEach(8, BIG, outer -> {
            Thread asking = Thread.currentThread();
            Parallel.forEach(8, BIG, inner -> {
                if (asking != Thread.currentThread()) {
                    violations.add(outer + "/" + inner);
                }
            });
        }));
        assertEquals(Set.of(), violations);
    }

    @Test
    void firstFailureIsRethrownAfterAllTasksEnd() {
        AtomicIntegerArray runs = new AtomicIntegerArray(64);
        IllegalStateException failure = new IllegalStateException("task 7 failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Parallel.withThreads(3, () -> Parallel.forEach(runs.length(), BIG, i -> {
                    runs.incrementAndGet(i);
                    if (i == 7) {
                        throw failure;
                    }
                })));
        assertSame(failure, thrown);
        for (int i = 0; i < runs.length(); i++) {
            assertEquals(1, runs.get(i), "task " + i);
        }
    }

    @Test
    void withThreadsScopesAndRestores() {
        int outside = Parallel.threads();
        int seen = Parallel.withThreads(3, () -> Parallel.withThreads(1, Parallel::threads) * 10 + Parallel.threads());
        assertEquals(13, seen);
        assertEquals(outside, Parallel.threads());
        assertThrows(RuntimeException.class, () -> Parallel.withThreads(2, () -> {
            throw new RuntimeException("boom");
        }));
        assertEquals(outside, Parallel.threads());
    }

    @Test
    void defaultComesFromThePropertyOrTheProcessorCount() {
        String property = System.getProperty(Parallel.PROPERTY);
        int expected = property == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(property);
        assertEquals(expected, Parallel.threads());
    }

    @Test
    void threadCountBelowOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parallel.withThreads(0, () -> 1));
        assertEquals("Parallel.withThreads: threads must be >= 1, got 0", e.getMessage());
        assertFalse(e.getMessage().isEmpty());
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(60, TimeUnit.SECONDS), "no second thread ran a task within a minute");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
