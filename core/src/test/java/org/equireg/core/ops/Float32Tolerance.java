package org.equireg.core.ops;

/** The tolerance of float32 results against float64 ones at the same inputs, named in one place. */
public final class Float32Tolerance {
    private Float32Tolerance() {
    }

    /** float32's unit roundoff, 2^-24. */
    public static final double UNIT_ROUNDOFF = 0x1p-24;

    /**
     * 64 unit roundoffs (3.8e-6), relative to the largest magnitude of the tensor compared: room for
     * the few dozen roundings of the longest sums in the tables (conv2d, matmul, norms) and for an
     * input rounding amplified by the op's condition number (up to about 8 at the tables' points).
     */
    public static final double RELATIVE = 64 * UNIT_ROUNDOFF;
}
