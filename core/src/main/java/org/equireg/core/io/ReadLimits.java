package org.equireg.core.io;

/**
 * Sizes a safetensors reader refuses before allocating anything for them.
 *
 * @param maxHeaderBytes  the largest JSON header accepted, in bytes, at most {@link #MAX_HEADER_BYTES}
 * @param maxDecodedBytes the largest total size of the decoded tensors, in bytes of float64
 *                        ({@code 8 *} total elements); the reader also refuses files whose
 *                        tensors would not fit in {@link Runtime#maxMemory()}
 */
public record ReadLimits(long maxHeaderBytes, long maxDecodedBytes) {
    /** The largest header a Java array holds. */
    public static final long MAX_HEADER_BYTES = Integer.MAX_VALUE - 8;

    /** The reference implementation's 100 MB header cap; decoded size bounded only by the heap. */
    public static final ReadLimits DEFAULT = new ReadLimits(100_000_000L, Long.MAX_VALUE);

    /** Validates the ranges of both limits. */
    public ReadLimits {
        if (maxHeaderBytes < 0 || maxHeaderBytes > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("ReadLimits: maxHeaderBytes = " + maxHeaderBytes
                    + " is outside [0, " + MAX_HEADER_BYTES + "]");
        }
        if (maxDecodedBytes < 0) {
            throw new IllegalArgumentException("ReadLimits: maxDecodedBytes = " + maxDecodedBytes + " is negative");
        }
    }
}
