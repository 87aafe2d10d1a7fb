package org.equireg.core.io;

import java.util.Arrays;

/**
 * One tensor's line in a safetensors header: its data occupies bytes {@code [begin, end)} of the
 * data section. A parsed entry is consistent: {@code end - begin == elementCount * dtype.byteSize()}.
 *
 * @param shape        the dimensions, row-major; empty for a scalar. Not modified.
 * @param elementCount the product of {@code shape}
 */
record TensorEntry(String name, Dtype dtype, int[] shape, int elementCount, long begin, long end) {

    /** Bytes of data. */
    long byteLength() {
        return end - begin;
    }

    /** {@code shape} as {@code [2, 3]}, abbreviated when it has many dimensions. */
    static String shapeString(int[] shape) {
        if (shape.length <= 16) {
            return Arrays.toString(shape);
        }
        return Arrays.toString(Arrays.copyOf(shape, 16)).replace("]", ", ... (" + shape.length + " dimensions)]");
    }
}
