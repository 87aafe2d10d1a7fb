package org.equireg.core.io;

import java.nio.ByteBuffer;

/**
 * The element types of a safetensors file, named as in its header, and their conversion to and
 * from float64.
 *
 * <p>Reading converts every type to float64: floats exactly (F16 and BF16 subnormals included;
 * a NaN stays a NaN, its payload not guaranteed), integers of up to 53 bits exactly and wider ones rounded to
 * nearest, BOOL to 0 or 1. Writing supports F64 (exact) and F32 (rounded to nearest, overflowing
 * to infinity). Byte order is little-endian throughout; the buffers passed in must be set so.
 */
public enum Dtype {
    F64(8), F32(4), F16(2), BF16(2),
    I64(8), I32(4), I16(2), I8(1),
    U64(8), U32(4), U16(2), U8(1),
    BOOL(1);

    private final int byteSize;

    Dtype(int byteSize) {
        this.byteSize = byteSize;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /**
     * True for the types read into float32 tensors: F32 as it is, F16 and BF16 exactly (each is a
     * subset of float32); the others are read into float64.
     */
    public boolean readsAsFloat32() {
        return this == F32 || this == F16 || this == BF16;
    }

    /** True for the types {@link org.equireg.core.SafeTensors} writes: F64 and F32. */
    public boolean isWritable() {
        return this == F64 || this == F32;
    }

    /** The type with this header name (case-sensitive, as the format requires), or null. */
    public static Dtype forName(String name) {
        for (Dtype dtype : values()) {
            if (dtype.name().equals(name)) {
                return dtype;
            }
        }
        return null;
    }

    /**
     * Reads {@code count} elements from {@code source} into {@code target[offset, offset + count)}.
     *
     * @param source little-endian, advanced by {@code count * byteSize()}. Modified.
     * @param target Modified.
     * @throws MalformedSafeTensorsException for a BOOL byte other than 0 or 1
     */
    void decode(ByteBuffer source, double[] target, int offset, int count) throws MalformedSafeTensorsException {
        int end = offset + count;
        switch (this) {
            case F64 -> {
                source.asDoubleBuffer().get(target, offset, count);
                source.position(source.position() + 8 * count);
            }
            case F32 -> { for (int i = offset; i < end; i++) target[i] = source.getFloat(); }
            case F16 -> { for (int i = offset; i < end; i++) target[i] = halfToDouble(source.getShort()); }
            case BF16 -> { for (int i = offset; i < end; i++) target[i] = bfloat16ToDouble(source.getShort()); }
            case I64 -> { for (int i = offset; i < end; i++) target[i] = source.getLong(); }
            case I32 -> { for (int i = offset; i < end; i++) target[i] = source.getInt(); }
            case I16 -> { for (int i = offset; i < end; i++) target[i] = source.getShort(); }
            case I8 -> { for (int i = offset; i < end; i++) target[i] = source.get(); }
            case U64 -> { for (int i = offset; i < end; i++) target[i] = unsignedToDouble(source.getLong()); }
            case U32 -> { for (int i = offset; i < end; i++) target[i] = Integer.toUnsignedLong(source.getInt()); }
            case U16 -> { for (int i = offset; i < end; i++) target[i] = Short.toUnsignedInt(source.getShort()); }
            case U8 -> { for (int i = offset; i < end; i++) target[i] = Byte.toUnsignedInt(source.get()); }
            case BOOL -> decodeBool(source, target, offset, count);
        }
    }

    /**
     * Reads {@code count} elements of a {@link #readsAsFloat32()} type into {@code target[offset, offset + count)}, exactly.
     *
     * @param source little-endian, advanced by {@code count * byteSize()}. Modified.
     * @param target Modified.
     */
    void decode(ByteBuffer source, float[] target, int offset, int count) {
        int end = offset + count;
        switch (this) {
            case F32 -> {
                source.asFloatBuffer().get(target, offset, count);
                source.position(source.position() + 4 * count);
            }
            case F16 -> { for (int i = offset; i < end; i++) target[i] = (float) halfToDouble(source.getShort()); }
            case BF16 -> { for (int i = offset; i < end; i++) target[i] = Float.intBitsToFloat(source.getShort() << 16); }
            default -> throw new IllegalArgumentException("Dtype.decode: " + this + " is not read as float32");
        }
    }

    private static void decodeBool(ByteBuffer source, double[] target, int offset, int count)
            throws MalformedSafeTensorsException {
        for (int i = offset; i < offset + count; i++) {
            byte value = source.get();
            if (value != 0 && value != 1) {
                throw new MalformedSafeTensorsException("BOOL element " + i + " is the byte " + Byte.toUnsignedInt(value)
                        + ", neither 0 nor 1");
            }
            target[i] = value;
        }
    }

    /**
     * Writes {@code source[offset, offset + count)} to {@code target} in this type (F64 or F32).
     *
     * @param source Not modified.
     * @param target little-endian, advanced by {@code count * byteSize()}. Modified.
     */
    void encode(double[] source, int offset, int count, ByteBuffer target) {
        switch (this) {
            case F64 -> {
                target.asDoubleBuffer().put(source, offset, count);
                target.position(target.position() + 8 * count);
            }
            case F32 -> {
                for (int i = offset; i < offset + count; i++) {
                    target.putFloat((float) source[i]);
                }
            }
            default -> throw new IllegalArgumentException("Dtype.encode: cannot write " + this + ", only F64 and F32");
        }
    }

    /**
     * Writes float32 {@code source[offset, offset + count)} to {@code target} in this type (F64 or
     * F32), exactly.
     *
     * @param source Not modified.
     * @param target little-endian, advanced by {@code count * byteSize()}. Modified.
     */
    void encode(float[] source, int offset, int count, ByteBuffer target) {
        switch (this) {
            case F64 -> {
                for (int i = offset; i < offset + count; i++) {
                    target.putDouble(source[i]);
                }
            }
            case F32 -> {
                target.asFloatBuffer().put(source, offset, count);
                target.position(target.position() + 4 * count);
            }
            default -> throw new IllegalArgumentException("Dtype.encode: cannot write " + this + ", only F64 and F32");
        }
    }

    /**
     * The IEEE 754 binary16 value with these 16 bits, exactly: sign, 5 exponent bits (bias 15),
     * 10 fraction bits; exponent 0 holds the subnormals {@code fraction * 2^-24}.
     */
    public static double halfToDouble(short bits) {
        int exponent = (bits >>> 10) & 0x1F;
        int fraction = bits & 0x3FF;
        double magnitude;
        if (exponent == 0x1F) {
            magnitude = fraction == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (exponent == 0) {
            magnitude = Math.scalb((double) fraction, -24);
        } else {
            // (1 + fraction / 2^10) * 2^(exponent - 15)
            magnitude = Math.scalb((double) (0x400 | fraction), exponent - 25);
        }
        return bits < 0 ? -magnitude : magnitude;
    }

    /** The bfloat16 value with these 16 bits, exactly: the upper half of a binary32. */
    public static double bfloat16ToDouble(short bits) {
        return Float.intBitsToFloat(bits << 16);
    }

    /** {@code bits} read as an unsigned 64-bit integer, rounded to the nearest double. */
    static double unsignedToDouble(long bits) {
        if (bits >= 0) {
            return bits;
        }
        // Halve keeping the lowest bit as a sticky bit, so the one rounding is to nearest, then double.
        return (double) ((bits >>> 1) | (bits & 1)) * 2.0;
    }
}
