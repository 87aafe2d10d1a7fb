package org.equireg.core.kernels;

/**
 * How {@link Gemm} adds up a long sum: in chunks of {@link #DEPTH} consecutive terms, each chunk one
 * fused multiply-add chain, the chunk sums then added pairwise. With T chunks, the sums of chunks
 * [0, 2^h) (2^h the largest power of two &lt;= T) are added as a balanced binary tree (left half plus right
 * half, recursively), and that block's sum is added to the sum of the remaining T - 2^h chunks, formed
 * the same way. The error is then within about {@code (DEPTH + log2 T) u sum |a_p b_p|} (u the unit
 * roundoff) instead of {@code k u sum |a_p b_p|} for one chain of k terms (Higham, "Accuracy and Stability
 * of Numerical Algorithms", 2nd ed., section 4.2).
 *
 * <p>The chunks are cut at multiples of {@link #DEPTH} of the summation index, whatever the blocking,
 * tile, thread count or vector width, so the bits depend on none of them. The combination is the
 * binary counter of pairwise summation: level l of the work storage holds the sum of 2^l chunks,
 * and a finished chunk is added to level 0, the result to level 1, and so on while the levels are
 * occupied.
 */
final class Cascade {
    /**
     * Terms per chunk. In float64 one chain of 2^16 terms keeps within 2^16 * 2^-53 (about 7e-12) of
     * the exact sum, so any product of practical depth stays one chain; in float32 a chain of k terms
     * drifts by up to k roundings (4% low at 4 x 10^6 terms of the same sign), so chunks are short: a
     * 256-term chain is within 3 roundings on average, 15 at worst, on random data (measured).
     */
    static final int DEPTH = Double.BYTES == 8 ? 1 << 16 : 256;

    private Cascade() {
    }

    /** Chunks of a sum of {@code k >= 1} terms. */
    static int chunks(int k) {
        return (k - 1) / DEPTH + 1;
    }

    /**
     * Blocks of work storage a sum of {@code chunks} chunks needs: none for one chunk (it is its own sum),
     * else one for the chunk being summed (slot 0) and one per level (slots 1, 2, ...).
     */
    static int slots(int chunks) {
        return chunks == 1 ? 0 : 1 + 32 - Integer.numberOfLeadingZeros(chunks);
    }

    /**
     * The slot chunk {@code chunk} (of {@code chunks}) is best written to: level 0's (slot 1) for an even
     * chunk that is not the last, which the cascade then holds as it is, with nothing to merge; else
     * slot 0, from which {@link #merge} adds it in.
     */
    static int slot(int chunk, int chunks) {
        return chunk % 2 == 0 && chunk < chunks - 1 ? 1 : 0;
    }

    /**
     * Chunk {@code chunk} (of {@code chunks}) of a block of sums is complete in slot {@code in} of
     * {@code work} (0, or 1 as {@link #slot} allows): adds it into the levels; after the last chunk writes
     * the total to {@code out}. Each slot is {@code slotSize} long and holds the block,
     * {@code rows x columns}, at {@code at} with row stride {@code stride}.
     */
    static void merge(int chunk, int chunks, int in, double[] work, int slotSize, int at, int stride, int rows,
                      int columns, double[] out, int outAt, int outStride) {
        if (in != 0) {
            return; // an even chunk written straight into level 0
        }
        boolean last = chunk == chunks - 1;
        // Levels to add, low to high: those the carry passes (the chunk's trailing ones), then, after the
        // last chunk, the levels still occupied above (the bits of chunks above the carry's level).
        int landing = Integer.numberOfTrailingZeros(~chunk);
        int adds = landing + (last ? Integer.bitCount(chunks >>> landing >>> 1) : 0);
        double[] target = last ? out : work;
        int targetAt = last ? outAt : (1 + landing) * slotSize + at;
        int targetStride = last ? outStride : stride;
        if (adds == 0) {
            copy(work, at, stride, target, targetAt, targetStride, rows, columns);
            return;
        }
        int done = 0;
        for (int level = 0; done < adds; level++) {
            if (level < landing || last && level > landing && (chunks >> level & 1) == 1) {
                done++;
                boolean lastAdd = done == adds;
                add(work, (1 + level) * slotSize + at, work, at, stride, lastAdd ? target : work,
                        lastAdd ? targetAt : at, lastAdd ? targetStride : stride, rows, columns);
            }
        }
    }

    /**
     * {@code to[block] = from[block] + carry[block]}, rows through {@link Elementwise#add}, vectorised (the
     * JIT does not vectorise a plain loop over two regions of one array, which it cannot prove apart).
     */
    private static void add(double[] from, int fromAt, double[] carry, int carryAt, int stride, double[] to, int toAt,
                            int toStride, int rows, int columns) {
        for (int i = 0; i < rows; i++) {
            Elementwise.add(from, fromAt + i * stride, carry, carryAt + i * stride, to, toAt + i * toStride, columns);
        }
    }

    private static void copy(double[] from, int fromAt, int fromStride, double[] to, int toAt, int toStride,
                             int rows, int columns) {
        for (int i = 0; i < rows; i++) {
            System.arraycopy(from, fromAt + i * fromStride, to, toAt + i * toStride, columns);
        }
    }
}
