package org.equireg.nn;

import org.equireg.core.DType;
import org.equireg.core.Storage;

/**
 * Lets an update rule run over a parameter a block at a time in plain double loops: a float64
 * storage's block is its own array, used in place; a float32 storage's block is widened into scratch
 * and, once the rule is done with it, rounded back to nearest (as {@link Storage#set} does), so the
 * values are those of the element-by-element rule over {@link Storage#get} and {@link Storage#set}.
 * Why: over a float32 storage the element-by-element loop mixes float and double lanes, which JDK 17's
 * C2 does not vectorize (about 28x slower than the same loop over a float64 storage: JMH
 * OptimizerBenchmark); each loop here has
 * one lane type. Not thread-safe: one per optimizer.
 */
final class UpdateBlocks {
    /** Elements per block: the scratch arrays stay in the L1 cache. */
    static final int SIZE = 512;
    private final double[][] scratch;
    private final double[][] arrays;
    private DType dtype;
    private int at;

    /** Room for {@code slots} storages at a time. */
    UpdateBlocks(int slots) {
        scratch = new double[slots][SIZE];
        arrays = new double[slots][];
    }

    /**
     * Starts a block at element {@code start} of storages of {@code dtype}: every slot's values will
     * be at {@link #at} in their arrays. One offset for all, so that C2 sees a loop's loads and stores
     * at the same index and can vectorize it (at different offsets into possibly the same array it
     * cannot rule out a dependence between iterations).
     */
    void begin(DType dtype, int start) {
        this.dtype = dtype;
        at = dtype == DType.FLOAT64 ? start : 0;
    }

    /** Where the block starts in every slot's {@link #array}. */
    int at() {
        return at;
    }

    /**
     * Makes elements [start, start + length) of {@code storage} (of the block's type) the block of
     * slot {@code k}: then {@link #array}{@code (k)} holds them from {@link #at} on, as doubles (exact).
     */
    void load(int k, Storage storage, int start, int length) {
        if (storage.dtype() != dtype) {
            throw new IllegalStateException("update rule: a " + storage.dtype() + " storage in a block of " + dtype
                    + " storages (the parameter, its gradient and its buffers share one type)");
        }
        if (storage instanceof Storage.F64 doubles) {
            arrays[k] = doubles.values();
        } else {
            storage.get(start, scratch[k], 0, length);
            arrays[k] = scratch[k];
        }
    }

    /** The array holding slot {@code k}'s block. */
    double[] array(int k) {
        return arrays[k];
    }

    /**
     * Writes slot {@code k}'s block to elements [start, start + length) of {@code storage} and makes the
     * block what the storage now holds, for a rule that reads back a value it has just written
     * (float32: rounded to nearest, then widened exactly; float64: written in place already).
     */
    void roundAsStored(int k, Storage storage, int start, int length) {
        if (!(storage instanceof Storage.F64)) {
            storage.set(start, scratch[k], 0, length);
            storage.get(start, scratch[k], 0, length);
        }
    }

    /**
     * Writes slot {@code k}'s block back to elements [start, start + length) of {@code storage},
     * rounded to nearest for float32 (a float64 block was written in place).
     */
    void store(int k, Storage storage, int start, int length) {
        if (!(storage instanceof Storage.F64)) {
            storage.set(start, scratch[k], 0, length);
        }
    }
}
