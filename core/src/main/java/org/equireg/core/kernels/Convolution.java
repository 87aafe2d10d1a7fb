package org.equireg.core.kernels;

import java.util.Arrays;

/**
 * 2-D cross-correlation (the deep-learning "convolution") and its gradients, spread over the
 * {@link Parallel} pool. Stride-1, single-group convolutions, the common case, are computed directly
 * on zero-padded images ({@link DirectConvolution}, {@link DirectWeightGradient}); the others as
 * matrix products over unfolded patches ({@link Im2Col}).
 *
 * <p>Shapes: input x (N, C, H, W), weight (O, C / groups, kH, kW), bias (O), output (N, O, outH, outW);
 * {@code patch = (C / groups) kH kW} and {@code pixels = outH outW}. Every element of every result is
 * computed by a fixed sequence of operations (fused multiply-add chains in a documented order), so
 * results are bitwise identical whatever the thread count and the vector width.
 */
public final class Convolution {
    /**
     * Most taps (weight-gradient columns) per task of {@link #backwardWeight}: few enough that a
     * task's unfolded image stays in L2, many enough that repacking the output gradient, which
     * every task does for itself, stays cheap.
     */
    static final int MAX_TAP_BLOCK = 128;
    /** Below this many output channels per block the weight gradient is computed untransposed. */
    private static final int NARROW_CHANNELS = 8;

    private static final Scratch COLUMNS = new Scratch();
    private static final Scratch SUMS = new Scratch();

    private Convolution() {
    }

    /**
     * {@code out[n][o] = bias[o] + sum over (c, ky, kx) of weight[o][c][ky][kx] x[n][c][oy s - p + ky d][ox s - p + kx d]},
     * each element a fused multiply-add chain starting from its bias (0 without one); through the
     * unfolded product, a patch longer than {@link Cascade#DEPTH} is summed as {@link Gemm} sums.
     *
     * @param x input. Not modified.
     * @param weight Not modified.
     * @param bias (O), or null for none. Not modified.
     * @param out (N, O, outH, outW). Modified (overwritten).
     */
    public static void forward(double[] x, double[] weight, double[] bias, ConvGeometry g, int outChannels, int groups,
                               double[] out) {
        Layout layout = new Layout(g, outChannels, groups);
        if (DirectConvolution.applies(g, groups) && !layout.pointwise()) {
            DirectConvolution.forward(x, weight, bias, g, outChannels, out);
            return;
        }
        long flops = 2L * g.batch() * outChannels * layout.pixels() * layout.patch();
        Parallel.forEach(g.batch() * groups, flops, task -> {
            int n = task / groups;
            int group = task % groups;
            int outOffset = layout.outOffset(n, group);
            for (int o = 0; o < layout.groupOut(); o++) {
                double start = bias == null ? 0.0 : bias[group * layout.groupOut() + o];
                Arrays.fill(out, outOffset + o * layout.pixels(), outOffset + (o + 1) * layout.pixels(), start);
            }
            if (layout.pointwise()) {
                // 1 x 1, stride 1, no padding: the unfolded matrix is the image itself.
                Gemm.gemm(false, false, layout.groupOut(), layout.pixels(), layout.patch(), weight,
                        layout.weightOffset(group), x, layout.imageOffset(n, group), out, outOffset, true);
                return;
            }
            double[] columns = COLUMNS.take(layout.patch() * layout.pixels());
            Im2Col.unfold(x, layout.imageOffset(n, group), layout.groupIn(), g, columns);
            Gemm.gemm(false, false, layout.groupOut(), layout.pixels(), layout.patch(), weight,
                    layout.weightOffset(group), columns, 0, out, outOffset, true);
            COLUMNS.give(columns);
        });
    }

    /**
     * The input gradient: at stride 1 with one group and {@code p <= d (k - 1)}, the correlation of
     * the output gradient with the flipped kernel ({@link DirectConvolution#backwardInput}); otherwise
     * {@code dx = col2im(weight[g]^T gradOut[n, g])} per image and group.
     *
     * @param gradOut (N, O, outH, outW). Not modified.
     * @param weight Not modified.
     * @param dx (N, C, H, W). Modified (overwritten).
     */
    public static void backwardInput(double[] gradOut, double[] weight, ConvGeometry g, int outChannels, int groups,
                                     double[] dx) {
        Layout layout = new Layout(g, outChannels, groups);
        if (DirectConvolution.appliesToInputGradient(g, groups) && !layout.pointwise()) {
            DirectConvolution.backwardInput(gradOut, weight, g, outChannels, dx);
            return;
        }
        long flops = 2L * g.batch() * outChannels * layout.pixels() * layout.patch();
        Parallel.forEach(g.batch() * groups, flops, task -> {
            int n = task / groups;
            int group = task % groups;
            int imageOffset = layout.imageOffset(n, group);
            if (layout.pointwise()) {
                Gemm.gemm(true, false, layout.patch(), layout.pixels(), layout.groupOut(), weight,
                        layout.weightOffset(group), gradOut, layout.outOffset(n, group), dx, imageOffset, false);
                return;
            }
            Arrays.fill(dx, imageOffset, imageOffset + layout.groupIn() * g.height() * g.width(), 0.0);
            double[] columns = COLUMNS.take(layout.patch() * layout.pixels());
            Gemm.gemm(true, false, layout.patch(), layout.pixels(), layout.groupOut(), weight,
                    layout.weightOffset(group), gradOut, layout.outOffset(n, group), columns, 0, false);
            Im2Col.foldAdd(columns, layout.groupIn(), g, dx, imageOffset);
            COLUMNS.give(columns);
        });
    }

    /**
     * The weight gradient: {@code dWeight[g] = sum over n of gradOut[n, g] cols(x[n, g])^T}. At
     * stride 1 with one group, {@link DirectWeightGradient} computes it ({@link WeightGradientKernel#CHAINS} chains per element);
     * otherwise each element is a {@link Gemm} sum over the pixels of each image, added image after image
     * (one fused multiply-add chain over (n, pixel) in order while pixels fit in {@link Cascade#DEPTH}), computed transposed,
     * {@code cols gradOut^T}, so that the unfolded image is the left operand, written row by row
     * ({@link Im2Col#unfold}), and the gradient is read in place as the transposed right operand.
     *
     * <p>Tasks own disjoint blocks of the gradient, a block of taps by a block of output channels
     * (see {@link #split}), and walk every image themselves, unfolding only their taps: each thread
     * produces the data it reads, and a whole backward pass needs one round of tasks instead of one
     * per image.
     *
     * <p>A direct result holding a NaN is recomputed here, so that an infinite or NaN pixel gives
     * PyTorch's result (a NaN only where a real term is).
     *
     * @param gradOut (N, O, outH, outW). Not modified.
     * @param x (N, C, H, W). Not modified.
     * @param dWeight (O, C / groups, kH, kW). Modified (overwritten).
     */
    public static void backwardWeight(double[] gradOut, double[] x, ConvGeometry g, int outChannels, int groups,
                                      double[] dWeight) {
        if (DirectWeightGradient.applies(g, groups, outChannels) && g.batch() > 0) {
            DirectWeightGradient.backwardWeight(gradOut, x, g, outChannels, dWeight);
            if (!containsNaN(dWeight)) {
                return;
            }
            // The direct layout has terms the unfolded product lacks: a padding column's zero gradient
            // times a real pixel, NaN when that pixel is infinite or NaN. Recompute without them.
        }
        Layout layout = new Layout(g, outChannels, groups);
        long flops = 2L * g.batch() * outChannels * layout.pixels() * layout.patch();
        int[] split = split(layout.patch(), layout.groupOut(), groups, Parallel.plannedThreads(flops));
        backwardWeight(gradOut, x, g, outChannels, groups, dWeight, split[0], split[1]);
    }

    private static boolean containsNaN(double[] values) {
        for (double value : values) {
            if (Double.isNaN(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Blocks of the weight gradient per task, {@code {taps, channels}}. Taps: at most
     * {@link #MAX_TAP_BLOCK}, a multiple of 8 (the micro-kernel height), with enough blocks for a
     * whole number of tasks per thread. Channels: all of a group's, unless too few tap blocks
     * would leave threads idle; then runs of a multiple of 16 (the micro-kernel width).
     */
    static int[] split(int patch, int groupOut, int groups, int threads) {
        int tapBlocks = (patch + MAX_TAP_BLOCK - 1) / MAX_TAP_BLOCK;
        while (groups * tapBlocks % threads != 0 && tapBlocks * 8 < patch) {
            tapBlocks++;
        }
        int taps = Math.min(patch, roundUp((patch + tapBlocks - 1) / tapBlocks, 8));
        int tasks = groups * ((patch + taps - 1) / taps);
        int channelBlocks = tasks >= threads ? 1 : Math.min((groupOut + 15) / 16, (threads + tasks - 1) / tasks);
        int channels = Math.min(groupOut, roundUp((groupOut + channelBlocks - 1) / channelBlocks, 16));
        return new int[] {taps, channels};
    }

    /** {@link #backwardWeight} with given blocks per task, so tests can vary the split. */
    static void backwardWeight(double[] gradOut, double[] x, ConvGeometry g, int outChannels, int groups,
                               double[] dWeight, int tapBlock, int channelBlock) {
        Layout layout = new Layout(g, outChannels, groups);
        int patch = layout.patch();
        if (g.batch() == 0) {
            Arrays.fill(dWeight, 0, outChannels * patch, 0.0);
            return;
        }
        int tapBlocks = (patch + tapBlock - 1) / tapBlock;
        int channelBlocks = (layout.groupOut() + channelBlock - 1) / channelBlock;
        long flops = 2L * g.batch() * outChannels * layout.pixels() * patch;
        Parallel.forEach(groups * tapBlocks * channelBlocks, flops, task -> {
            int group = task / (tapBlocks * channelBlocks);
            int firstTap = task / channelBlocks % tapBlocks * tapBlock;
            int taps = Math.min(tapBlock, patch - firstTap);
            int firstChannel = task % channelBlocks * channelBlock;
            int channels = Math.min(channelBlock, layout.groupOut() - firstChannel);
            double[] columns = COLUMNS.take(taps * layout.pixels());
            // Fewer channels than a micro-kernel tile has rows: the block itself, rows of gradOut
            // times transposed columns, which for one or two channels runs as dot products.
            boolean narrow = channels < NARROW_CHANNELS;
            double[] sums = SUMS.take(taps * channels);
            int gradOffset = firstChannel * layout.pixels();
            for (int n = 0; n < g.batch(); n++) {
                Im2Col.unfold(x, layout.imageOffset(n, group), g, firstTap, taps, columns);
                int gradRows = layout.outOffset(n, group) + gradOffset;
                if (narrow) {
                    Gemm.gemm(false, true, channels, taps, layout.pixels(), gradOut, gradRows, columns, 0,
                            sums, 0, n > 0);
                } else {
                    Gemm.gemm(false, true, taps, channels, layout.pixels(), columns, 0, gradOut, gradRows,
                            sums, 0, n > 0);
                }
            }
            for (int o = 0; o < channels; o++) {
                int row = layout.weightOffset(group) + (firstChannel + o) * patch + firstTap;
                for (int t = 0; t < taps; t++) {
                    dWeight[row + t] = narrow ? sums[o * taps + t] : sums[t * channels + o];
                }
            }
            SUMS.give(sums);
            COLUMNS.give(columns);
        });
    }

    /**
     * The bias gradient: per channel, the sum over n and pixel of {@code gradOut[n][o][pixel]} in eight
     * double accumulators, so that in float32 it stays within about one rounding of the exact sum however
     * many terms (see {@link Broadcast#sumTo}), and eight independent chains keep the adder busy.
     * Accumulator j takes, image after image, the pixels {@code 8 q + j} of each image's run of whole
     * blocks of eight, and accumulator 0 also the run's last {@code pixels % 8}, in order; then
     * {@code dBias[o] = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))}, rounded once.
     *
     * @param gradOut (N, O, pixels). Not modified.
     * @param dBias (O). Modified (overwritten).
     */
    public static void backwardBias(double[] gradOut, int batch, int outChannels, int pixels, double[] dBias) {
        int blocks = pixels - pixels % 8;
        for (int o = 0; o < outChannels; o++) {
            /* wide */ double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (int n = 0; n < batch; n++) {
                int row = (n * outChannels + o) * pixels;
                for (int p = row; p < row + blocks; p += 8) {
                    s0 += gradOut[p]; s1 += gradOut[p + 1]; s2 += gradOut[p + 2]; s3 += gradOut[p + 3];
                    s4 += gradOut[p + 4]; s5 += gradOut[p + 5]; s6 += gradOut[p + 6]; s7 += gradOut[p + 7];
                }
                for (int p = row + blocks; p < row + pixels; p++) {
                    s0 += gradOut[p];
                }
            }
            dBias[o] = (double) (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)));
        }
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** Sizes and offsets of one convolution's operands. */
    private record Layout(ConvGeometry g, int outChannels, int groups) {
        int groupIn() {
            return g.channels() / groups;
        }

        int groupOut() {
            return outChannels / groups;
        }

        int patch() {
            return groupIn() * g.kernelHeight() * g.kernelWidth();
        }

        int pixels() {
            return g.outHeight() * g.outWidth();
        }

        boolean pointwise() {
            return g.kernelHeight() == 1 && g.kernelWidth() == 1 && g.stride() == 1 && g.padding() == 0;
        }

        int imageOffset(int n, int group) {
            return (n * g.channels() + group * groupIn()) * g.height() * g.width();
        }

        int outOffset(int n, int group) {
            return (n * outChannels + group * groupOut()) * pixels();
        }

        int weightOffset(int group) {
            return group * groupOut() * patch();
        }
    }
}
