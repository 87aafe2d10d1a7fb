package org.equireg.core.kernels;

import org.equireg.core.Storage;

import static org.equireg.core.kernels.Maps.f32;
import static org.equireg.core.kernels.Maps.f64;

/**
 * The kernels that move values without arithmetic (and the sum that is the adjoint of a
 * broadcast), for both element types behind one storage-typed facade.
 */
public final class Movement {
    private Movement() {
    }

    /** {@code x} (shape {@code from}) repeated to fill {@code to}; x itself when nothing repeats. */
    public static Storage expand(Storage x, int[] from, int[] to) {
        return x instanceof Storage.F64 d ? new Storage.F64(Broadcast.expand(d.values(), from, to))
                : new Storage.F32(BroadcastF32.expand(f32(x), from, to));
    }

    /** {@code g} (shape {@code from}) summed over the axes along which {@code to} was broadcast to it. */
    public static Storage sumTo(Storage g, int[] from, int[] to) {
        return g instanceof Storage.F64 d ? new Storage.F64(Broadcast.sumTo(d.values(), from, to))
                : new Storage.F32(BroadcastF32.sumTo(f32(g), from, to));
    }

    /** {@code out[i] = source[i] < 0 ? fill : x[source[i]]}. */
    public static Storage gather(Storage x, int[] source, double fill) {
        if (x instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(source.length);
            Gathers.gather(d.values(), source, fill, out);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(source.length);
        GathersF32.gather(f32(x), source, (float) fill, out);
        return new Storage.F32(out);
    }

    /** A new storage of {@code length} zeros with {@code g[i]} added at {@code source[i]} (the adjoint of {@link #gather}). */
    public static Storage scatterAdd(Storage g, int[] source, int length) {
        if (g instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(length);
            Gathers.scatterAdd(d.values(), source, out);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(length);
        GathersF32.scatterAdd(f32(g), source, out);
        return new Storage.F32(out);
    }

    /**
     * The concatenation of {@code pieces}, each {@code outer} blocks of {@code blocks[t]} values, into
     * rows of {@code sum(blocks)} values.
     */
    public static Storage concat(Storage[] pieces, int outer, int[] blocks) {
        int stride = 0;
        for (int block : blocks) {
            stride += block;
        }
        Storage joined = pieces[0] instanceof Storage.F64 ? new Storage.F64(Buffers.doubles(outer * stride))
                : new Storage.F32(Buffers.floats(outer * stride));
        int offset = 0;
        for (int t = 0; t < pieces.length; t++) {
            if (joined instanceof Storage.F64 d) {
                Gathers.copyBlocks(f64(pieces[t]), outer, blocks[t], d.values(), offset, stride);
            } else {
                GathersF32.copyBlocks(f32(pieces[t]), outer, blocks[t], f32(joined), offset, stride);
            }
            offset += blocks[t];
        }
        return joined;
    }

    /**
     * The values as indices: each must be a whole number in {@code [0, bound)}.
     *
     * @param what the start of the error message, naming the op and the operand
     * @throws IllegalArgumentException naming the first value that is not
     */
    public static int[] wholeNumbers(Storage values, int bound, String what) {
        double[] widened = Maps.f64(Maps.cast(values, org.equireg.core.DType.FLOAT64));
        int[] indices = new int[widened.length];
        for (int i = 0; i < widened.length; i++) {
            double value = widened[i];
            if (value != Math.rint(value) || value < 0 || value >= bound) {
                throw new IllegalArgumentException(what + " value " + value + " is not a whole number in [0, " + bound + ")");
            }
            indices[i] = (int) value;
        }
        return indices;
    }
}
