package org.equireg.core.kernels;

import org.equireg.core.Storage;

import static org.equireg.core.kernels.Maps.f32;

/**
 * Reductions along the middle axis of a row-major block {@code (outer, length, inner)}, for both
 * element types behind one storage-typed facade. Sums and norms of float32 accumulate in double
 * ({@link AxisSumsF32}).
 */
public final class Reduce {
    private Reduce() {
    }

    /** The sum of all values, a one-element storage. */
    public static Storage sumAll(Storage x) {
        return x instanceof Storage.F64 d ? new Storage.F64(new double[] {AxisSums.sumAll(d.values())})
                : new Storage.F32(new float[] {AxisSumsF32.sumAll(f32(x))});
    }

    /** {@code out[o, i] = sum over k of x[o, k, i]}. */
    public static Storage sum(Storage x, int outer, int length, int inner) {
        if (x instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(outer * inner);
            AxisSums.sum(d.values(), outer, length, inner, out);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(outer * inner);
        AxisSumsF32.sum(f32(x), outer, length, inner, out);
        return new Storage.F32(out);
    }

    /** {@code out[o, i] = ||x[o, :, i]||_p}. */
    public static Storage norm(Storage x, int outer, int length, int inner, double p) {
        if (x instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(outer * inner);
            AxisSums.norm(d.values(), outer, length, inner, p, out);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(outer * inner);
        AxisSumsF32.norm(f32(x), outer, length, inner, p, out);
        return new Storage.F32(out);
    }

    /** {@code out[o, i] = max over k of x[o, k, i]}, NaN propagating. */
    public static Storage max(Storage x, int outer, int length, int inner) {
        if (x instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(outer * inner);
            Extrema.max(d.values(), outer, length, inner, out);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(outer * inner);
        ExtremaF32.max(f32(x), outer, length, inner, out);
        return new Storage.F32(out);
    }

    /**
     * The index of the first maximum along the axis, as whole numbers in float64 whatever the input's
     * type (float32 holds whole numbers exactly only up to 2^24).
     */
    public static Storage argmax(Storage x, int outer, int length, int inner) {
        double[] out = Buffers.doubles(outer * inner);
        Argmax.of(Maps.f64(Maps.cast(x, org.equireg.core.DType.FLOAT64)), outer, length, inner, out);
        return new Storage.F64(out); // widening keeps order and NaNs
    }
}
