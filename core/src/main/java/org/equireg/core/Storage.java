package org.equireg.core;

/**
 * The values of a tensor: a float64 or a float32 array, row-major. The one place where the element
 * type meets an array: ops pass storages to the kernel facades of {@code org.equireg.core.kernels},
 * which pick the float64 kernel or its float32 twin, so an op is written once for both types.
 */
public sealed interface Storage permits Storage.F64, Storage.F32 {

    /** Number of values. */
    int length();

    /** The element type. */
    DType dtype();

    /** The value at {@code index}, as a double (exact for float32). */
    double get(int index);

    /**
     * Writes {@code value} at {@code index}, rounded to nearest for float32. Elementwise code written
     * once in double over {@code get} and {@code set} serves both types with the bits a float32
     * twin computing in double would give (an optimizer's update rule, say); the caller of a write
     * to a tensor's storage bumps its version.
     */
    void set(int index, double value);

    /**
     * Values {@code [start, start + length)} into {@code into} from {@code offset} on, as doubles
     * (exact for float32): {@link #get(int)} over a range, in one loop that the JIT can vectorize.
     *
     * @throws IndexOutOfBoundsException naming the range when it does not fit the storage or the
     *     array (nothing is copied)
     */
    void get(int start, double[] into, int offset, int length);

    /**
     * Writes {@code from[offset .. offset + length)} at {@code [start, start + length)}, rounded to
     * nearest for float32: {@link #set(int, double)} over a range, in one loop that the JIT can
     * vectorize. The caller bumps the tensor's version, as for {@link #set(int, double)}.
     *
     * @throws IndexOutOfBoundsException naming the range when it does not fit the storage or the
     *     array (nothing is written)
     */
    void set(int start, double[] from, int offset, int length);

    /** A new storage of {@code length} zeros of the given type. */
    static Storage zeros(DType dtype, int length) {
        Arguments.notNull(dtype, "Storage.zeros", "dtype");
        if (length < 0) {
            throw new IllegalArgumentException("Storage.zeros: length " + length + " is negative");
        }
        return dtype == DType.FLOAT64 ? new F64(new double[length]) : new F32(new float[length]);
    }

    /**
     * {@code values} in the given type: wrapped as they are for float64, rounded to nearest into a new
     * array for float32. For custom ops that compute in double whatever the tensor's type.
     */
    static Storage fromDoubles(double[] values, DType dtype) {
        Arguments.notNull(values, "Storage.fromDoubles", "values");
        Arguments.notNull(dtype, "Storage.fromDoubles", "dtype");
        if (dtype == DType.FLOAT64) {
            return new F64(values);
        }
        float[] rounded = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            rounded[i] = (float) values[i];
        }
        return new F32(rounded);
    }

    /** Whether this storage and {@code other} are the same array (a view shares its source's array). */
    boolean sameArray(Storage other);

    /** float64 values. */
    record F64(double[] values) implements Storage {
        /** Wraps {@code values} without copying. */
        public F64 {
            Arguments.notNull(values, "Storage.F64", "values");
        }

        @Override
        public int length() {
            return values.length;
        }

        @Override
        public DType dtype() {
            return DType.FLOAT64;
        }

        @Override
        public double get(int index) {
            return values[index];
        }

        @Override
        public void set(int index, double value) {
            values[index] = value;
        }

        @Override
        public void get(int start, double[] into, int offset, int length) {
            checkRange(values.length, start, into.length, offset, length);
            System.arraycopy(values, start, into, offset, length);
        }

        @Override
        public void set(int start, double[] from, int offset, int length) {
            checkRange(values.length, start, from.length, offset, length);
            System.arraycopy(from, offset, values, start, length);
        }

        @Override
        public boolean sameArray(Storage other) {
            return other instanceof F64 f && f.values == values;
        }
    }

    /** float32 values. */
    record F32(float[] values) implements Storage {
        /** Wraps {@code values} without copying. */
        public F32 {
            Arguments.notNull(values, "Storage.F32", "values");
        }

        @Override
        public int length() {
            return values.length;
        }

        @Override
        public DType dtype() {
            return DType.FLOAT32;
        }

        @Override
        public double get(int index) {
            return values[index];
        }

        @Override
        public void set(int index, double value) {
            values[index] = (float) value;
        }

        @Override
        public void get(int start, double[] into, int offset, int length) {
            checkRange(values.length, start, into.length, offset, length);
            for (int i = 0; i < length; i++) {
                into[offset + i] = values[start + i];
            }
        }

        @Override
        public void set(int start, double[] from, int offset, int length) {
            checkRange(values.length, start, from.length, offset, length);
            for (int i = 0; i < length; i++) {
                values[start + i] = (float) from[offset + i];
            }
        }

        @Override
        public boolean sameArray(Storage other) {
            return other instanceof F32 f && f.values == values;
        }
    }

    /** The bounds check of the range methods, before anything is copied. */
    private static void checkRange(int storageLength, int start, int arrayLength, int offset, int length) {
        if (length < 0 || start < 0 || offset < 0 || start > storageLength - length || offset > arrayLength - length) {
            throw new IndexOutOfBoundsException("Storage range: " + length + " values from index " + start
                    + " of a storage of " + storageLength + ", at " + offset + " of an array of " + arrayLength);
        }
    }
}
