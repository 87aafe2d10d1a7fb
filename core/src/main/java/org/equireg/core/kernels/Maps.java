package org.equireg.core.kernels;

import org.equireg.core.Storage;

/**
 * The elementwise kernels of both element types behind one storage-typed facade: each method picks
 * the float64 kernel or its float32 twin by the operands' type (which must agree) and returns a new
 * storage, so an op is written once for both types. Operands of binary maps have equal length
 * (broadcast them first with {@link Movement#expand}).
 */
public final class Maps {
    private Maps() {
    }

    static double[] f64(Storage storage) {
        return ((Storage.F64) storage).values();
    }

    static float[] f32(Storage storage) {
        return ((Storage.F32) storage).values();
    }

    /** A copy of the values. */
    public static Storage copy(Storage x) {
        return x instanceof Storage.F64 d ? new Storage.F64(d.values().clone()) : new Storage.F32(f32(x).clone());
    }

    /** {@code target += increment}, elementwise. target modified. */
    public static void addInPlace(Storage target, Storage increment) {
        if (target instanceof Storage.F64 d) {
            Elementwise.addInPlace(d.values(), f64(increment));
        } else {
            ElementwiseF32.addInPlace(f32(target), f32(increment));
        }
    }

    /** {@code a + b}. */
    public static Storage add(Storage a, Storage b) {
        int n = a.length();
        if (a instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(n);
            Elementwise.add(d.values(), 0, f64(b), 0, out, 0, n);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(n);
        ElementwiseF32.add(f32(a), 0, f32(b), 0, out, 0, n);
        return new Storage.F32(out);
    }

    /** {@code a - b}. */
    public static Storage sub(Storage a, Storage b) {
        int n = a.length();
        if (a instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(n);
            Elementwise.sub(d.values(), 0, f64(b), 0, out, 0, n);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(n);
        ElementwiseF32.sub(f32(a), 0, f32(b), 0, out, 0, n);
        return new Storage.F32(out);
    }

    /** {@code a * b}. */
    public static Storage mul(Storage a, Storage b) {
        int n = a.length();
        if (a instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(n);
            Elementwise.mul(d.values(), 0, f64(b), 0, out, 0, n);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(n);
        ElementwiseF32.mul(f32(a), 0, f32(b), 0, out, 0, n);
        return new Storage.F32(out);
    }

    /** {@code a / b}. */
    public static Storage div(Storage a, Storage b) {
        int n = a.length();
        if (a instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(n);
            Elementwise.div(d.values(), 0, f64(b), 0, out, 0, n);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(n);
        ElementwiseF32.div(f32(a), 0, f32(b), 0, out, 0, n);
        return new Storage.F32(out);
    }

    /** {@code max(a, b)}, NaN if either is. */
    public static Storage maximum(Storage a, Storage b) {
        if (a instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(d.values().length);
            Pointwise.maximum(d.values(), f64(b), out);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(a.length());
        PointwiseF32.maximum(f32(a), f32(b), out);
        return new Storage.F32(out);
    }

    /** {@code condition != 0 ? a : b}; the condition may have either type. */
    public static Storage where(Storage condition, Storage a, Storage b) {
        boolean[] mask = new boolean[condition.length()];
        if (condition instanceof Storage.F64 c) {
            Pointwise.nonZero(c.values(), mask);
        } else {
            PointwiseF32.nonZero(f32(condition), mask);
        }
        if (a instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(mask.length);
            Pointwise.select(mask, d.values(), f64(b), out);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(mask.length);
        PointwiseF32.select(mask, f32(a), f32(b), out);
        return new Storage.F32(out);
    }

    /** The comparisons of {@link #compare}. */
    public enum Comparison { GREATER, LESS, EQUAL }

    /** 1 where {@code a (kind) b} holds, else 0, in the operands' type. */
    public static Storage compare(Comparison kind, Storage a, Storage b) {
        if (a instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(d.values().length);
            switch (kind) {
                case GREATER -> Pointwise.greater(d.values(), f64(b), out);
                case LESS -> Pointwise.less(d.values(), f64(b), out);
                default -> Pointwise.equal(d.values(), f64(b), out);
            }
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(a.length());
        switch (kind) {
            case GREATER -> PointwiseF32.greater(f32(a), f32(b), out);
            case LESS -> PointwiseF32.less(f32(a), f32(b), out);
            default -> PointwiseF32.equal(f32(a), f32(b), out);
        }
        return new Storage.F32(out);
    }

    /** The unary maps of {@link #unary}. */
    public enum Unary { NEG, ABS, SIGN, SQRT, EXP, LOG, LOG1P, TANH, SIGMOID, RELU }

    /** {@code f(x)} elementwise for one of the {@link Unary} maps. */
    public static Storage unary(Unary f, Storage x) {
        if (x instanceof Storage.F64 d) {
            double[] in = d.values();
            double[] out = Buffers.doubles(in.length);
            switch (f) {
                case NEG -> Pointwise.neg(in, out);
                case ABS -> Pointwise.abs(in, out);
                case SIGN -> Pointwise.sign(in, out);
                case SQRT -> Pointwise.sqrt(in, out);
                case EXP -> Elementwise.exp(in, 0, out, 0, in.length);
                case LOG -> Elementwise.log(in, 0, out, 0, in.length);
                case LOG1P -> Pointwise.log1p(in, out);
                case TANH -> Elementwise.tanh(in, 0, out, 0, in.length);
                case SIGMOID -> Elementwise.sigmoid(in, 0, out, 0, in.length);
                default -> Elementwise.relu(in, out, in.length);
            }
            return new Storage.F64(out);
        }
        float[] in = f32(x);
        float[] out = Buffers.floats(in.length);
        switch (f) {
            case NEG -> PointwiseF32.neg(in, out);
            case ABS -> PointwiseF32.abs(in, out);
            case SIGN -> PointwiseF32.sign(in, out);
            case SQRT -> PointwiseF32.sqrt(in, out);
            case EXP -> ElementwiseF32.exp(in, 0, out, 0, in.length);
            case LOG -> ElementwiseF32.log(in, 0, out, 0, in.length);
            case LOG1P -> PointwiseF32.log1p(in, out);
            case TANH -> ElementwiseF32.tanh(in, 0, out, 0, in.length);
            case SIGMOID -> ElementwiseF32.sigmoid(in, 0, out, 0, in.length);
            default -> ElementwiseF32.relu(in, out, in.length);
        }
        return new Storage.F32(out);
    }

    /**
     * {@code f(x)} written over x, for the activations a layer applies to its own fresh output (relu,
     * tanh, sigmoid): the kernels of {@link #unary}, which read each element before writing it, so the
     * values are bit for bit those {@link #unary} returns.
     */
    public static void unaryInPlace(Unary f, Storage x) {
        if (f != Unary.RELU && f != Unary.TANH && f != Unary.SIGMOID) {
            throw new IllegalArgumentException("unaryInPlace: only RELU, TANH and SIGMOID run in place, got " + f);
        }
        int n = x.length();
        if (x instanceof Storage.F64 d) {
            double[] v = d.values();
            switch (f) {
                case TANH -> Elementwise.tanh(v, 0, v, 0, n);
                case SIGMOID -> Elementwise.sigmoid(v, 0, v, 0, n);
                default -> Elementwise.relu(v, v, n);
            }
            return;
        }
        float[] v = f32(x);
        switch (f) {
            case TANH -> ElementwiseF32.tanh(v, 0, v, 0, n);
            case SIGMOID -> ElementwiseF32.sigmoid(v, 0, v, 0, n);
            default -> ElementwiseF32.relu(v, v, n);
        }
    }

    /** {@code x^exponent}; for float32 the exponent is rounded to float first, as PyTorch does. */
    public static Storage pow(Storage x, double exponent) {
        if (x instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(d.values().length);
            Pointwise.pow(d.values(), exponent, out);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(x.length());
        PointwiseF32.pow(f32(x), (float) exponent, out);
        return new Storage.F32(out);
    }

    /** {@code min(max(x, min), max)}, NaN kept; float32 bounds rounded to float. */
    public static Storage clamp(Storage x, double min, double max) {
        if (x instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(d.values().length);
            Pointwise.clamp(d.values(), min, max, out);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(x.length());
        PointwiseF32.clamp(f32(x), (float) min, (float) max, out);
        return new Storage.F32(out);
    }

    /** 1 where {@code min <= x <= max}, else 0. */
    public static Storage inRange(Storage x, double min, double max) {
        if (x instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(d.values().length);
            Pointwise.inRange(d.values(), min, max, out);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(x.length());
        PointwiseF32.inRange(f32(x), (float) min, (float) max, out);
        return new Storage.F32(out);
    }

    /** The derivatives that fuse the upstream gradient g with a saved value s: relu', tanh', sigmoid'. */
    public enum Backward { RELU, TANH, SIGMOID }

    /**
     * {@code g * f'} for one of the {@link Backward} maps: relu from its input ({@code g} where
     * {@code s > 0}), tanh from its output ({@code g (1 - s^2)}), sigmoid from its output
     * ({@code g s (1 - s)}). Written into g's own array when the backward pass donated it
     * ({@link Buffers#doublesOrDonated}): the kernels read {@code g[i]} only to write {@code out[i]}.
     */
    public static Storage backward(Backward f, Storage g, Storage s) {
        int n = g.length();
        if (g instanceof Storage.F64 d) {
            double[] out = Buffers.doublesOrDonated(d.values());
            switch (f) {
                case RELU -> Elementwise.reluBackward(f64(s), d.values(), out, n);
                case TANH -> Elementwise.tanhBackward(d.values(), 0, f64(s), 0, out, 0, n);
                default -> Elementwise.sigmoidBackward(d.values(), 0, f64(s), 0, out, 0, n);
            }
            return new Storage.F64(out);
        }
        float[] out = Buffers.floatsOrDonated(f32(g));
        switch (f) {
            case RELU -> ElementwiseF32.reluBackward(f32(s), f32(g), out, n);
            case TANH -> ElementwiseF32.tanhBackward(f32(g), 0, f32(s), 0, out, 0, n);
            default -> ElementwiseF32.sigmoidBackward(f32(g), 0, f32(s), 0, out, 0, n);
        }
        return new Storage.F32(out);
    }

    /** A storage of {@code length} copies of {@code value} (rounded to float for float32). */
    public static Storage full(org.equireg.core.DType dtype, int length, double value) {
        if (dtype == org.equireg.core.DType.FLOAT64) {
            double[] out = Buffers.doubles(length);
            Pointwise.fill(value, out);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(length);
        PointwiseF32.fill((float) value, out);
        return new Storage.F32(out);
    }

    /** A copy of the values converted to {@code dtype} (rounded to nearest when narrowing). */
    public static Storage cast(Storage x, org.equireg.core.DType dtype) {
        if (x.dtype() == dtype) {
            return copy(x);
        }
        if (x instanceof Storage.F64 d) {
            double[] in = d.values();
            float[] out = Buffers.floats(in.length);
            for (int i = 0; i < in.length; i++) {
                out[i] = (float) in[i];
            }
            return new Storage.F32(out);
        }
        float[] in = f32(x);
        double[] out = Buffers.doubles(in.length);
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i];
        }
        return new Storage.F64(out);
    }
}
