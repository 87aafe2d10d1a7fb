package org.equireg.core.kernels;

import org.equireg.core.Storage;

import static org.equireg.core.kernels.Maps.f32;
import static org.equireg.core.kernels.Maps.f64;

/**
 * Matrix products, convolutions, pooling and the prefix sum, for both element types behind one
 * storage-typed facade: each method allocates the result and calls the float64 kernel or its
 * float32 twin.
 */
public final class LinearAlgebra {
    private LinearAlgebra() {
    }

    /**
     * {@code batches} products {@code op(A_i) op(B_i)}, each (m, n), A_i at {@code i * aStride} and
     * B_i at {@code i * bStride} (a stride of 0 reuses one operand); see {@link Gemm#gemmBatched}.
     */
    public static Storage matmul(boolean transA, boolean transB, int batches, int m, int n, int k,
                                 Storage a, int aStride, Storage b, int bStride) {
        if (a instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(batches * m * n);
            Gemm.gemmBatched(transA, transB, batches, m, n, k, d.values(), 0, aStride, f64(b), 0, bStride, out, 0,
                    m * n, false);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(batches * m * n);
        GemmF32.gemmBatched(transA, transB, batches, m, n, k, f32(a), 0, aStride, f32(b), 0, bStride, out, 0, m * n,
                false);
        return new Storage.F32(out);
    }

    /**
     * The dense layer {@code x W^T + b}: x (rows, in), W (out, in), optional b (out); each output one
     * multiply-add chain started from its bias.
     */
    public static Storage linear(Storage x, Storage weight, Storage bias, int rows, int inFeatures, int outFeatures) {
        if (x instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(rows * outFeatures);
            if (bias != null) {
                for (int row = 0; row < rows; row++) {
                    System.arraycopy(f64(bias), 0, out, row * outFeatures, outFeatures);
                }
            }
            Gemm.gemm(false, true, rows, outFeatures, inFeatures, d.values(), 0, f64(weight), 0, out, 0, bias != null);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(rows * outFeatures);
        if (bias != null) {
            for (int row = 0; row < rows; row++) {
                System.arraycopy(f32(bias), 0, out, row * outFeatures, outFeatures);
            }
        }
        GemmF32.gemm(false, true, rows, outFeatures, inFeatures, f32(x), 0, f32(weight), 0, out, 0, bias != null);
        return new Storage.F32(out);
    }

    /** {@link Convolution#forward}; bias may be null. */
    public static Storage convolution(Storage x, Storage weight, Storage bias, ConvGeometry g, int outChannels,
                                      int groups) {
        int size = g.batch() * outChannels * g.outHeight() * g.outWidth();
        if (x instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(size);
            Convolution.forward(d.values(), f64(weight), bias == null ? null : f64(bias), g, outChannels, groups, out);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(size);
        ConvolutionF32.forward(f32(x), f32(weight), bias == null ? null : f32(bias), g, outChannels, groups, out);
        return new Storage.F32(out);
    }

    /** {@link Convolution#backwardInput}: the input gradient, (N, C, H, W). */
    public static Storage convolutionBackwardInput(Storage gradOut, Storage weight, ConvGeometry g, int outChannels,
                                                   int groups) {
        int size = g.batch() * g.channels() * g.height() * g.width();
        if (gradOut instanceof Storage.F64 d) {
            double[] dx = Buffers.doubles(size);
            Convolution.backwardInput(d.values(), f64(weight), g, outChannels, groups, dx);
            return new Storage.F64(dx);
        }
        float[] dx = Buffers.floats(size);
        ConvolutionF32.backwardInput(f32(gradOut), f32(weight), g, outChannels, groups, dx);
        return new Storage.F32(dx);
    }

    /** {@link Convolution#backwardWeight}: the weight gradient, (O, C / groups, kH, kW). */
    public static Storage convolutionBackwardWeight(Storage gradOut, Storage x, ConvGeometry g, int outChannels,
                                                    int groups) {
        int size = outChannels * (g.channels() / groups) * g.kernelHeight() * g.kernelWidth();
        if (gradOut instanceof Storage.F64 d) {
            double[] dw = Buffers.doubles(size);
            Convolution.backwardWeight(d.values(), f64(x), g, outChannels, groups, dw);
            return new Storage.F64(dw);
        }
        float[] dw = Buffers.floats(size);
        ConvolutionF32.backwardWeight(f32(gradOut), f32(x), g, outChannels, groups, dw);
        return new Storage.F32(dw);
    }

    /** {@link Convolution#backwardBias}: the bias gradient, (O). */
    public static Storage convolutionBackwardBias(Storage gradOut, ConvGeometry g, int outChannels) {
        int pixels = g.outHeight() * g.outWidth();
        if (gradOut instanceof Storage.F64 d) {
            double[] db = Buffers.doubles(outChannels);
            Convolution.backwardBias(d.values(), g.batch(), outChannels, pixels, db);
            return new Storage.F64(db);
        }
        float[] db = Buffers.floats(outChannels);
        ConvolutionF32.backwardBias(f32(gradOut), g.batch(), outChannels, pixels, db);
        return new Storage.F32(db);
    }

    /** {@link Pool2d#maxForward}: the maxima, with the flat input index of each written to {@code argmax}. */
    public static Storage maxPool(Storage x, ConvGeometry g, int[] argmax) {
        if (x instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(argmax.length);
            Pool2d.maxForward(d.values(), g, out, argmax);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(argmax.length);
        Pool2dF32.maxForward(f32(x), g, out, argmax);
        return new Storage.F32(out);
    }

    /** {@link Pool2d#maxBackward}: the pooled gradient scattered back to the maxima, (N, C, H, W). */
    public static Storage maxPoolBackward(Storage gradOut, int[] argmax, ConvGeometry g) {
        int size = g.batch() * g.channels() * g.height() * g.width();
        if (gradOut instanceof Storage.F64 d) {
            double[] dx = Buffers.doubles(size);
            Pool2d.maxBackward(d.values(), argmax, g, dx);
            return new Storage.F64(dx);
        }
        float[] dx = Buffers.floats(size);
        Pool2dF32.maxBackward(f32(gradOut), argmax, g, dx);
        return new Storage.F32(dx);
    }

    /** {@link Pool2d#avgForward}. */
    public static Storage avgPool(Storage x, ConvGeometry g) {
        int size = g.batch() * g.channels() * g.outHeight() * g.outWidth();
        if (x instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(size);
            Pool2d.avgForward(d.values(), g, out);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(size);
        Pool2dF32.avgForward(f32(x), g, out);
        return new Storage.F32(out);
    }

    /** {@link Pool2d#avgBackward}: the adjoint of {@link #avgPool}, (N, C, H, W). */
    public static Storage avgPoolBackward(Storage gradOut, ConvGeometry g) {
        int size = g.batch() * g.channels() * g.height() * g.width();
        if (gradOut instanceof Storage.F64 d) {
            double[] dx = Buffers.doubles(size);
            Pool2d.avgBackward(d.values(), g, dx);
            return new Storage.F64(dx);
        }
        float[] dx = Buffers.floats(size);
        Pool2dF32.avgBackward(f32(gradOut), g, dx);
        return new Storage.F32(dx);
    }

    /** {@link Scan#cumsum} into a new storage. */
    public static Storage cumsum(Storage x, int outer, int length, int inner, boolean reverse) {
        if (x instanceof Storage.F64 d) {
            double[] out = Buffers.doubles(d.values().length);
            Scan.cumsum(d.values(), out, outer, length, inner, reverse);
            return new Storage.F64(out);
        }
        float[] out = Buffers.floats(x.length());
        ScanF32.cumsum(f32(x), out, outer, length, inner, reverse);
        return new Storage.F32(out);
    }
}
