package org.equireg.core.kernels;

import java.util.Arrays;

/**
 * Stride-1, single-group 2-D cross-correlation computed directly, without unfolding: each image is
 * copied once into a zero-padded buffer, flattened row by row, where every tap of the kernel is a
 * fixed offset, so the output over a run of consecutive positions is a sum of shifted runs of the
 * image ({@link ConvMicroKernel}). The positions past the right edge of each output row are
 * computed too and dropped; that costs {@code (kW - 1) d + 2 p} of every padded row.
 *
 * <p>The input gradient of a stride-1 convolution is itself such a correlation: of the output
 * gradient, padded by {@code d (k - 1) - p}, with the kernel flipped in both directions and its two
 * channel axes swapped.
 */
final class DirectConvolution {
    private static final ConvMicroKernel KERNEL = kernel();
    private static final Scratch PADDED = new Scratch();
    private static final Scratch RESULT = new Scratch();

    private DirectConvolution() {
    }

    /**
     * The micro-kernel whose tile fits the register file: 4 x 4 vectors with 512-bit vectors (32
     * registers, AVX-512), 4 x 2 with narrower ones (16 registers, AVX2). All give the same bits.
     */
    private static ConvMicroKernel kernel() {
        if (!Simd.VECTORIZED) {
            return ScalarConvMicroKernel.INSTANCE;
        }
        return VectorShape.LANES * Double.BYTES >= 64 ? VectorConvMicroKernel.INSTANCE : VectorConvMicroKernel256.INSTANCE;
    }

    /** The micro-kernel this JVM uses. */
    static ConvMicroKernel microKernel() {
        return KERNEL;
    }

    /** Whether {@link #forward} handles this convolution. */
    static boolean applies(ConvGeometry g, int groups) {
        return g.stride() == 1 && groups == 1;
    }

    /** Whether {@link #backwardInput} handles this convolution: the gradient's padding must be &gt;= 0. */
    static boolean appliesToInputGradient(ConvGeometry g, int groups) {
        int narrowest = Math.min(g.kernelHeight(), g.kernelWidth());
        return applies(g, groups) && g.padding() <= g.dilation() * (narrowest - 1);
    }

    /**
     * {@link Convolution#forward} for a convolution that {@link #applies}: each output element is the
     * fused multiply-add chain from its bias over (c, ky, kx) in order, padding taps included.
     */
    static void forward(double[] x, double[] weight, double[] bias, ConvGeometry g, int outChannels, double[] out) {
        Plan plan = new Plan(g.channels(), g.height(), g.width(), g.padding(), g.padding(), g.kernelHeight(),
                g.kernelWidth(), g.dilation(), outChannels);
        double[] packed = ConvMicroKernel.pack(weight, outChannels, plan.offsets().length);
        correlateAll(x, packed, bias, g.batch(), plan, out);
    }

    /**
     * {@link Convolution#backwardInput} for a convolution where {@link #appliesToInputGradient}: each
     * element {@code dx[n][c][y][x]} is the fused multiply-add chain from 0 over o, then (ky, kx) in
     * order, of {@code weight[o][c][kH - 1 - ky][kW - 1 - kx] * G[n][o][y + ky d - q][x + kx d - r]},
     * where {@code q = d (kH - 1) - p}, {@code r = d (kW - 1) - p} and G is 0 outside the output.
     */
    static void backwardInput(double[] gradOut, double[] weight, ConvGeometry g, int outChannels, double[] dx) {
        int taps = g.kernelHeight() * g.kernelWidth();
        int channels = g.channels();
        double[] flipped = new double[weight.length]; // (C, O, kH, kW)
        for (int o = 0; o < outChannels; o++) {
            for (int c = 0; c < channels; c++) {
                int from = (o * channels + c) * taps;
                int to = (c * outChannels + o) * taps;
                for (int t = 0; t < taps; t++) {
                    flipped[to + t] = weight[from + taps - 1 - t];
                }
            }
        }
        Plan plan = new Plan(outChannels, g.outHeight(), g.outWidth(),
                g.dilation() * (g.kernelHeight() - 1) - g.padding(), g.dilation() * (g.kernelWidth() - 1) - g.padding(),
                g.kernelHeight(), g.kernelWidth(), g.dilation(), channels);
        correlateAll(gradOut, ConvMicroKernel.pack(flipped, channels, plan.offsets().length), null, g.batch(), plan, dx);
    }

    /** Correlates every image of {@code source}, one task per image; {@code weights} packed ({@link ConvMicroKernel#pack}). */
    private static void correlateAll(double[] source, double[] weights, double[] bias, int batch, Plan plan,
                                     double[] out) {
        int sourceSize = plan.channels() * plan.height() * plan.width();
        int outSize = plan.outChannels() * plan.outHeight() * plan.outWidth();
        long flops = 2L * batch * outSize * plan.channels() * plan.kernelHeight() * plan.kernelWidth();
        Parallel.forEach(batch, flops, n -> correlate(source, n * sourceSize, weights, bias, plan, out, n * outSize));
    }

    private static void correlate(double[] source, int sourceOffset, double[] weights, double[] bias, Plan plan,
                                  double[] out, int outOffset) {
        double[] padded = PADDED.take(plan.paddedLength());
        plan.pad(source, sourceOffset, padded);
        int runs = plan.runs(KERNEL.positions());
        int resultRow = runs * KERNEL.positions();
        double[] result = RESULT.take(plan.outChannels() * resultRow);
        int rows = ConvMicroKernel.ROWS;
        int[] outRows = new int[rows];
        double[] start = new double[rows];
        int blockWeights = plan.offsets().length * rows;
        for (int first = 0; first < plan.outChannels(); first += rows) {
            // Past the last channel, rows repeat it: the kernel computes it again, harmlessly.
            for (int r = 0; r < rows; r++) {
                int o = Math.min(first + r, plan.outChannels() - 1);
                outRows[r] = o * resultRow;
                start[r] = bias == null ? 0.0 : bias[o];
            }
            int weightOffset = first / rows * blockWeights;
            for (int run = 0; run < runs; run++) {
                KERNEL.correlate(padded, plan.offsets(), weights, weightOffset, start, result, outRows,
                        run * KERNEL.positions());
            }
        }
        for (int o = 0; o < plan.outChannels(); o++) {
            for (int y = 0; y < plan.outHeight(); y++) {
                System.arraycopy(result, o * resultRow + y * plan.paddedWidth(), out,
                        outOffset + (o * plan.outHeight() + y) * plan.outWidth(), plan.outWidth());
            }
        }
        RESULT.give(result);
        PADDED.give(padded);
    }

    /** One correlation of (channels, height, width) images padded by (padHeight, padWidth). */
    private record Plan(int channels, int height, int width, int padHeight, int padWidth, int kernelHeight,
                        int kernelWidth, int dilation, int outChannels, int[] offsets) {
        Plan(int channels, int height, int width, int padHeight, int padWidth, int kernelHeight, int kernelWidth,
             int dilation, int outChannels) {
            this(channels, height, width, padHeight, padWidth, kernelHeight, kernelWidth, dilation, outChannels,
                    new int[channels * kernelHeight * kernelWidth]);
            int paddedWidth = width + 2 * padWidth;
            int planeSize = (height + 2 * padHeight) * paddedWidth;
            int k = 0;
            for (int c = 0; c < channels; c++) {
                for (int ky = 0; ky < kernelHeight; ky++) {
                    for (int kx = 0; kx < kernelWidth; kx++) {
                        offsets[k++] = c * planeSize + (ky * paddedWidth + kx) * dilation;
                    }
                }
            }
        }

        int paddedWidth() {
            return width + 2 * padWidth;
        }

        int planeSize() {
            return (height + 2 * padHeight) * paddedWidth();
        }

        int outHeight() {
            return height + 2 * padHeight - dilation * (kernelHeight - 1);
        }

        int outWidth() {
            return paddedWidth() - dilation * (kernelWidth - 1);
        }

        /** Runs of {@code positions} covering every output row, each {@link #paddedWidth} long. */
        int runs(int positions) {
            return (outHeight() * paddedWidth() + positions - 1) / positions;
        }

        /** The padded planes, plus the slack the last run reads past the last plane. */
        int paddedLength() {
            return channels * planeSize() + dilation * (kernelWidth - 1) + KERNEL.positions();
        }

        /** Copies one image into the middle of zeroed planes. */
        void pad(double[] source, int sourceOffset, double[] padded) {
            Arrays.fill(padded, 0, paddedLength(), 0.0);
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < height; y++) {
                    System.arraycopy(source, sourceOffset + (c * height + y) * width, padded,
                            c * planeSize() + (y + padHeight) * paddedWidth() + padWidth, width);
                }
            }
        }
    }
}
