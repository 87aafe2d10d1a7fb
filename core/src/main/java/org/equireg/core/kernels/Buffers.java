package org.equireg.core.kernels;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.equireg.core.Storage;

/**
 * Result arrays of the kernel facades, drawn from a per-thread pool of arrays that the autodiff
 * engine has proven dead, so a training step reuses the previous step's gradient buffers instead of
 * allocating (and having the collector reclaim) new ones.
 *
 * <p>An array comes back only through {@link Pass#recycle}, and only if that pass lent it: the
 * engine opens a {@link Pass} around a backward pass and recycles an intermediate gradient once no
 * rule, pending sum or caller can reach it. Nothing else ever returns an array, so a tensor a caller
 * holds is never recycled. Every array handed out is zero-filled, exactly as {@code new double[n]}
 * would be, so a kernel that accumulates into its output gives the same bits from a recycled array.
 *
 * <p>Each thread has its own pool and passes; a pass must be used and closed on the thread that
 * opened it. A pool keeps at most {@link #CAPACITY_BYTES}; arrays beyond it are left to the collector.
 */
public final class Buffers {
    /** Bytes of idle arrays a thread's pool keeps at most. */
    static final long CAPACITY_BYTES = 256L << 20;
    /** Arrays shorter than this are not worth pooling (a scalar's bookkeeping costs more than its allocation). */
    static final int MIN_LENGTH = 64;

    private static final ThreadLocal<Pool> POOL = ThreadLocal.withInitial(Pool::new);

    private Buffers() {
    }

    /** {@code length} zeros: a recycled array when this thread's pool has one of that length, else a new one. */
    public static double[] doubles(int length) {
        Pool pool = POOL.get();
        double[] array = length < MIN_LENGTH ? null : pool.take(pool.doubles, length, double[].class);
        if (array == null) {
            array = new double[length];
        } else {
            pool.retained -= 8L * length;
            Arrays.fill(array, 0);
        }
        pool.lent(array, length);
        return array;
    }

    /** {@code length} zeros: a recycled array when this thread's pool has one of that length, else a new one. */
    public static float[] floats(int length) {
        Pool pool = POOL.get();
        float[] array = length < MIN_LENGTH ? null : pool.take(pool.floats, length, float[].class);
        if (array == null) {
            array = new float[length];
        } else {
            pool.retained -= 4L * length;
            Arrays.fill(array, 0);
        }
        pool.lent(array, length);
        return array;
    }

    /** {@code length} zeros, for indices an op keeps for its backward: recycled when the pool has that length. */
    public static int[] ints(int length) {
        Pool pool = POOL.get();
        int[] array = length < MIN_LENGTH ? null : pool.take(pool.ints, length, int[].class);
        if (array == null) {
            return new int[length];
        }
        pool.retained -= 4L * length;
        Arrays.fill(array, 0);
        return array;
    }

    /**
     * Gives back an array from {@link #ints} that its op has proven dead: the rule that read it ran
     * for the last time and no graph recorded since reads it.
     */
    public static void recycle(int[] array) {
        Pool pool = POOL.get();
        pool.give(pool.ints, array, array.length, 4L * array.length);
    }

    /**
     * The output array of an elementwise kernel whose {@code operand} is read only at the index
     * being written: the operand itself when the engine donated it (its gradient is dead once this
     * kernel has read it), else {@link #doubles} of its length. The donation is used up, so a second
     * call in the same rule gets a new array. Not zeroed when donated: the kernel writes every element.
     */
    public static double[] doublesOrDonated(double[] operand) {
        Pool pool = POOL.get();
        if (pool.donated == operand) {
            pool.donated = null;
            return operand;
        }
        return doubles(operand.length);
    }

    /** {@link #doublesOrDonated} for float32. */
    public static float[] floatsOrDonated(float[] operand) {
        Pool pool = POOL.get();
        if (pool.donated == operand) {
            pool.donated = null;
            return operand;
        }
        return floats(operand.length);
    }

    /**
     * Opens a pass on this thread: until it is closed, it records every array this class lends, and
     * only those can be recycled through it. Passes nest; an inner pass records what is lent while it is open.
     */
    public static Pass openPass() {
        Pool pool = POOL.get();
        Pass pass = new Pass(pool, pool.open);
        pool.open = pass;
        return pass;
    }

    /** The array behind a storage, as the identity {@link Pass} keys its bookkeeping by. */
    public static Object arrayOf(Storage storage) {
        return storage instanceof Storage.F64 d ? d.values() : ((Storage.F32) storage).values();
    }

    /** The arrays lent while a backward pass is open, and the way back into the pool for the dead ones. */
    public static final class Pass implements AutoCloseable {
        private final Pool pool;
        private final Pass outer;
        private final Set<Object> lent = Collections.newSetFromMap(new IdentityHashMap<>());
        private boolean closed;

        private Pass(Pool pool, Pass outer) {
            this.pool = pool;
            this.outer = outer;
        }

        /** Whether this pass lent {@code array} (so no tensor made before the pass can share it). */
        public boolean lent(Object array) {
            return lent.contains(array);
        }

        /**
         * Returns {@code array}, lent by this pass and reachable from nowhere any more (the caller's
         * proof), to the pool; does nothing for an array this pass did not lend or after it closed.
         */
        public void recycle(Object array) {
            if (closed || !lent.remove(array)) {
                return;
            }
            if (array instanceof double[] d) {
                pool.give(pool.doubles, d, d.length, 8L * d.length);
            } else if (array instanceof float[] f) {
                pool.give(pool.floats, f, f.length, 4L * f.length);
            }
        }

        /**
         * Lets the next {@link #doublesOrDonated} or {@link #floatsOrDonated} call on this thread
         * write into {@code array}, lent by this pass; {@code null} withdraws the offer.
         */
        public void donate(Object array) {
            pool.donated = array == null || lent.contains(array) ? array : null;
        }

        /** Stops recording; must be the innermost open pass of this thread. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (pool.open != this) {
                throw new IllegalStateException("Buffers.Pass.close: not the innermost open pass of this thread");
            }
            closed = true;
            pool.open = outer;
            pool.donated = null;
            lent.clear();
        }
    }

    /** One thread's idle arrays by length, and its innermost open pass. */
    private static final class Pool {
        final Map<Integer, ArrayDeque<Object>> doubles = new HashMap<>();
        final Map<Integer, ArrayDeque<Object>> floats = new HashMap<>();
        final Map<Integer, ArrayDeque<Object>> ints = new HashMap<>();
        long retained;
        Pass open;
        /** An array the engine lets one in-place kernel overwrite, or {@code null}. */
        Object donated;

        <T> T take(Map<Integer, ArrayDeque<Object>> byLength, int length, Class<T> type) {
            ArrayDeque<Object> idle = byLength.get(length);
            Object array = idle == null ? null : idle.pollLast();
            return array == null ? null : type.cast(array);
        }

        void give(Map<Integer, ArrayDeque<Object>> byLength, Object array, int length, long bytes) {
            if (length < MIN_LENGTH || retained + bytes > CAPACITY_BYTES) {
                return;
            }
            byLength.computeIfAbsent(length, ignored -> new ArrayDeque<>()).addLast(array);
            retained += bytes;
        }

        void lent(Object array, int length) {
            if (open != null && length >= MIN_LENGTH) {
                open.lent.add(array);
            }
        }
    }
}
