package org.equireg.core.ops;

import static org.equireg.core.ops.Tolerances.EXACT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.function.Supplier;
import org.equireg.core.Tensor;

/**
 * One row of a forward-semantics table: a call, and the shape and row-major values it must give
 * exactly.
 */
record ForwardCase(String call, Supplier<Tensor> result, int[] shape, double[] values) {

    static ForwardCase expect(String call, Supplier<Tensor> result, int[] shape, double... values) {
        return new ForwardCase(call, result, shape, values);
    }

    static int[] shape(int... dims) {
        return dims;
    }

    void check() {
        Tensor actual = result.get();
        assertArrayEquals(shape, actual.shape(), "shape");
        assertArrayEquals(values, actual.toArray(), EXACT, "values");
    }

    @Override
    public String toString() {
        return call;
    }
}
