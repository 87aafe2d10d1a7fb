package org.equireg.core;

/**
 * The element type of a tensor's storage: IEEE 754 binary64 or binary32.
 *
 * <p>Promotion follows PyTorch: an op on a float32 and a float64 tensor computes in float64,
 * except that a 0-dimensional tensor does not promote a tensor with dimensions (so
 * {@code x32.mul(Tensor.scalar(2))} stays float32), and a Java {@code double} argument such as
 * {@code x.mul(0.5)} never promotes: it is rounded to the tensor's type. PyTorch:
 * {@code torch.float64}, {@code torch.float32}, {@code torch.result_type}.
 */
public enum DType {
    /** IEEE binary64, {@code double}: the default. PyTorch: {@code torch.float64}. */
    FLOAT64(8),
    /** IEEE binary32, {@code float}: half the memory, twice the SIMD lanes. PyTorch: {@code torch.float32}. */
    FLOAT32(4);

    private final int byteSize;

    DType(int byteSize) {
        this.byteSize = byteSize;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** The lower-case name PyTorch prints: {@code float64} or {@code float32}. */
    @Override
    public String toString() {
        return this == FLOAT64 ? "float64" : "float32";
    }

    /** The common type of two element types: float64 unless both are float32. */
    public static DType promote(DType a, DType b) {
        Arguments.notNull(a, "promote", "a");
        Arguments.notNull(b, "promote", "b");
        return a == b ? a : FLOAT64;
    }

    /**
     * The type an op on {@code a} and {@code b} computes in: their common type, or float64 when
     * they differ, unless exactly one of them is 0-dimensional, in which case the other's type.
     */
    public static DType resultType(Tensor a, Tensor b) {
        DType left = Arguments.notNull(a, "resultType", "a").dtype();
        DType right = Arguments.notNull(b, "resultType", "b").dtype();
        if (left == right) {
            return left;
        }
        boolean leftScalar = a.rank() == 0;
        if (leftScalar != (b.rank() == 0)) {
            return leftScalar ? right : left;
        }
        return FLOAT64;
    }
}
