package org.equireg.core.kernels;

import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The library's own thread pool for heavy kernels (matrix products, convolutions).
 *
 * <p>The number of threads is {@code -Dequireg.threads} (default: available processors) and can be
 * changed for one scope on the calling thread with {@link #withThreads}. Workers are daemon threads,
 * so the pool never keeps a JVM alive, and they end after idling a while. Kernels split their work into tasks that write disjoint
 * outputs, and each output element is computed by the same sequence of floating-point operations
 * whichever task or thread computes it: results are bitwise identical for any thread count.
 *
 * <p>Work below {@link #MIN_PARALLEL_FLOPS} runs on the calling thread (handing it to another
 * thread would cost more than it saves), and so does work started from inside a parallel task
 * (no nesting: the outer split already keeps every thread busy).
 */
public final class Parallel {
    /** The system property holding the default number of threads. */
    public static final String PROPERTY = "equireg.threads";

    /** Below this many floating-point operations a kernel runs on the calling thread alone. */
    public static final long MIN_PARALLEL_FLOPS = 1L << 21;

    private static final int DEFAULT_THREADS = configuredThreads();
    private static final ThreadLocal<Integer> SCOPED_THREADS = new ThreadLocal<>();
    // Set while a calling thread runs its share of a parallel batch, so work it starts there runs serially.
    private static final ThreadLocal<Boolean> IN_BATCH = new ThreadLocal<>();
    /** Seconds an idle worker waits for work before it ends (a new one starts when needed). */
    private static final long IDLE_SECONDS = 30;
    /**
     * How long a thread spins for work (a worker) or for its batch to finish (a caller) before it
     * sleeps. Waking a sleeping thread was measured at 30-60 microseconds here, as long as a whole
     * panel of a mid-size product, while kernels issue batches back to back; OpenMP runtimes spin
     * for the same reason (far longer: GNU's default is 300,000 microseconds).
     */
    static final long SPIN_NANOS = 200_000;
    // One pool per thread count in use (usually just the default); the calling thread is the extra worker.
    private static final ConcurrentHashMap<Integer, ExecutorService> POOLS = new ConcurrentHashMap<>();

    private Parallel() {
    }

    /** Threads the heavy kernels use when called from this thread. */
    public static int threads() {
        Integer scoped = SCOPED_THREADS.get();
        return scoped != null ? scoped : DEFAULT_THREADS;
    }

    /**
     * Runs {@code action} with heavy kernels called from this thread using {@code threads} threads,
     * then restores the previous setting. Results do not depend on the thread count.
     *
     * @throws IllegalArgumentException when {@code threads < 1}
     */
    public static <T> T withThreads(int threads, Supplier<T> action) {
        if (threads < 1) {
            throw new IllegalArgumentException("Parallel.withThreads: threads must be >= 1, got " + threads);
        }
        Integer previous = SCOPED_THREADS.get();
        SCOPED_THREADS.set(threads);
        try {
            return action.get();
        } finally {
            if (previous == null) {
                SCOPED_THREADS.remove();
            } else {
                SCOPED_THREADS.set(previous);
            }
        }
    }

    /** {@link #withThreads(int, Supplier)} for an action without a result. */
    public static void withThreads(int threads, Runnable action) {
        withThreads(threads, () -> {
            action.run();
            return null;
        });
    }

    /**
     * The number of threads {@link #forEach} would use for a job of {@code flops} split into many
     * tasks, called from this thread: 1 when the job would run on the calling thread alone. Lets
     * kernels cut their work into as many tasks as will actually run side by side.
     */
    static int plannedThreads(long flops) {
        return flops < MIN_PARALLEL_FLOPS || insideBatch() ? 1 : threads();
    }

    /**
     * Runs {@code task.accept(i)} for every {@code i} in {@code [0, count)}, spread over up to
     * {@link #threads()} threads when {@code flops} (the whole job's cost) is worth it, and returns
     * when all are done. Tasks must write disjoint outputs. The first exception thrown by a task is
     * rethrown here, after every started task has finished.
     */
    static void forEach(int count, long flops, IntConsumer task) {
        int poolSize = threads();
        int threads = Math.min(poolSize, count);
        if (threads <= 1 || flops < MIN_PARALLEL_FLOPS || insideBatch()) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
            return;
        }
        Batch batch = new Batch(count, task);
        ExecutorService pool = POOLS.computeIfAbsent(poolSize, Parallel::newPool);
        for (int helper = 1; helper < threads; helper++) {
            pool.execute(batch::drain);
        }
        IN_BATCH.set(Boolean.TRUE);
        try {
            batch.drain();
        } finally {
            IN_BATCH.remove();
        }
        batch.awaitAll();
    }

    /** True on a pool worker, and on a caller while it runs tasks of a parallel batch. */
    private static boolean insideBatch() {
        return Thread.currentThread() instanceof Worker || IN_BATCH.get() != null;
    }

    /** Tasks handed out one at a time to whichever thread asks next. */
    private static final class Batch {
        private final int count;
        private final IntConsumer task;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch unfinished;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Batch(int count, IntConsumer task) {
            this.count = count;
            this.task = task;
            this.unfinished = new CountDownLatch(count);
        }

        void drain() {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    unfinished.countDown();
                }
            }
        }

        void awaitAll() {
            boolean interrupted = false;
            long deadline = System.nanoTime() + SPIN_NANOS;
            while (unfinished.getCount() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            // Tasks write into the caller's arrays, so the caller must not return before they end.
            while (true) {
                try {
                    unfinished.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable t = failure.get();
            if (t instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (t instanceof Error error) {
                throw error;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** A work queue whose takers spin for {@link #SPIN_NANOS} before they block. */
    private static final class SpinningQueue extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        @Override
        public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
            Runnable job = spinPoll();
            return job != null ? job : super.poll(timeout, unit);
        }

        @Override
        public Runnable take() throws InterruptedException {
            Runnable job = spinPoll();
            return job != null ? job : super.take();
        }

        private Runnable spinPoll() {
            long deadline = System.nanoTime() + SPIN_NANOS;
            do {
                Runnable job = poll();
                if (job != null) {
                    return job;
                }
                Thread.onSpinWait();
            } while (System.nanoTime() < deadline);
            return null;
        }
    }

    private static final class Worker extends Thread {
        Worker(Runnable body, String name) {
            super(body, name);
            setDaemon(true);
        }
    }

    /** Workers for {@code threads} threads in all (the caller is one); idle workers end after a while. */
    private static ExecutorService newPool(int threads) {
        AtomicInteger serial = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads - 1, threads - 1, IDLE_SECONDS, TimeUnit.SECONDS,
                new SpinningQueue(),
                body -> new Worker(body, "equireg-kernels-" + threads + "-" + serial.incrementAndGet()));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static int configuredThreads() {
        int available = Runtime.getRuntime().availableProcessors();
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            return available;
        }
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below, like a value below 1
        }
        System.getLogger("org.equireg.core.kernels").log(Level.WARNING,
                "-D" + PROPERTY + "=" + value + " is not a positive integer; using " + available + " threads");
        return available;
    }
}
