package org.equireg.core.kernels;

/**
 * A per-thread reusable work array, so hot kernels do not allocate (and zero) a fresh buffer per
 * call. {@link #take} lends the thread's array (grown when too small) and {@link #give} returns it;
 * a nested {@code take} on the same thread before {@code give} gets a fresh array instead, so
 * lending is always safe. The array's contents on loan are unspecified.
 */
final class Scratch {
    private final ThreadLocal<double[]> spare = new ThreadLocal<>();

    /** An array of at least {@code length} doubles, owned by the caller until {@link #give}. */
    double[] take(int length) {
        double[] array = spare.get();
        if (array == null || array.length < length) {
            return new double[length];
        }
        spare.set(null);
        return array;
    }

    /** Returns an array obtained from {@link #take} for reuse by this thread. */
    void give(double[] array) {
        double[] kept = spare.get();
        if (kept == null || kept.length < array.length) {
            spare.set(array);
        }
    }
}
