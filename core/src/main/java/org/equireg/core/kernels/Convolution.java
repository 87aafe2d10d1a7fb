package org.equireg.core.kernels;

import java.util.Arrays;

/**
 * 2-D cross-correlation (the deep-learning "convolution") and its two gradients as matrix products
 * over unfolded patches ({@link Im2Col}), spread over the {@link Parallel} pool.
 *
 * <p>Shapes: input x (N, C, H, W), weight (O, C / groups, kH, kW), bias (O), output (N, O, outH, outW);
 * {@code patch = (C / groups) kH kW} and {@code pixels = outH outW}. Each output element, and each
 * weight-gradient element, is one fused multiply-add chain in a fixed order (see {@link Gemm}), and
 * each input-gradient element sums its contributions in a fixed order, so results are bitwise
 * identical whatever the thread count.
 */
public final class Convolution {
    /** Bound on the unfolded scratch of {@link #backwardWeight}: 2^21 doubles (16 MiB) per chunk of images. */
    static final int MAX_CHUNK_DOUBLES = 1 << 21;

    private static final Scratch COLUMNS = new Scratch();
    private static final Scratch GATHERED = new Scratch();

    private Convolution() {
    }

    /**
     * {@code out[n][o] = bias[o] + sum over (c, ky, kx) of weight[o][c][ky][kx] x[n][c][oy s - p + ky d][ox s - p + kx d]},
     * each element a fused multiply-add chain starting from its bias (0 without one).
     *
     * @param x input. Not modified.
     * @param weight Not modified.
     * @param bias (O), or null for none. Not modified.
     * @param out (N, O, outH, outW). Modified (overwritten).
     */
    public static void forward(double[] x, double[] weight, double[] bias, ConvGeometry g, int outChannels, int groups,
                               double[] out) {
        Layout layout = new Layout(g, outChannels, groups);
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
     * The input gradient: {@code dx = col2im(weight[g]^T gradOut[n, g])} per image and group.
     *
     * @param gradOut (N, O, outH, outW). Not modified.
     * @param weight Not modified.
     * @param dx (N, C, H, W). Modified (overwritten).
     */
    public static void backwardInput(double[] gradOut, double[] weight, ConvGeometry g, int outChannels, int groups,
                                     double[] dx) {
        Layout layout = new Layout(g, outChannels, groups);
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
     * The weight gradient: {@code dWeight[g] = sum over n of gradOut[n, g] cols(x[n, g])^T}, each
     * element one fused multiply-add chain over (n, pixel) in order. Images are unfolded (one row of
     * patch values per pixel) in chunks of at most {@link #MAX_CHUNK_DOUBLES} doubles, each chunk
     * continuing the chains of the previous one.
     *
     * @param gradOut (N, O, outH, outW). Not modified.
     * @param x (N, C, H, W). Not modified.
     * @param dWeight (O, C / groups, kH, kW). Modified (overwritten).
     */
    public static void backwardWeight(double[] gradOut, double[] x, ConvGeometry g, int outChannels, int groups,
                                      double[] dWeight) {
        backwardWeight(gradOut, x, g, outChannels, groups, dWeight, MAX_CHUNK_DOUBLES);
    }

    /** {@link #backwardWeight} with a given bound on the unfolded chunk, so tests can force several chunks. */
    static void backwardWeight(double[] gradOut, double[] x, ConvGeometry g, int outChannels, int groups,
                               double[] dWeight, int maxChunkDoubles) {
        Layout layout = new Layout(g, outChannels, groups);
        int perImage = layout.pixels() * layout.patch();
        int chunk = Math.max(1, Math.min(g.batch(), maxChunkDoubles / Math.max(1, perImage)));
        for (int group = 0; group < groups; group++) {
            int weightOffset = layout.weightOffset(group);
            Arrays.fill(dWeight, weightOffset, weightOffset + layout.groupOut() * layout.patch(), 0.0);
            for (int first = 0; first < g.batch(); first += chunk) {
                int images = Math.min(chunk, g.batch() - first);
                int depth = images * layout.pixels();
                double[] rows = COLUMNS.take(depth * layout.patch());
                double[] gathered = GATHERED.take(layout.groupOut() * depth);
                gatherChunk(gradOut, x, g, layout, group, first, images, rows, gathered);
                Gemm.gemm(false, false, layout.groupOut(), layout.patch(), depth, gathered, 0, rows, 0,
                        dWeight, weightOffset, true);
                GATHERED.give(gathered);
                COLUMNS.give(rows);
            }
        }
    }

    /**
     * Lays out a chunk of images for the weight-gradient product: {@code rows} (images * pixels, patch),
     * one unfolded patch per pixel, and {@code gathered} (groupOut, images * pixels), the group's
     * output gradient with the chunk's images side by side.
     */
    private static void gatherChunk(double[] gradOut, double[] x, ConvGeometry g, Layout layout, int group, int first,
                                    int images, double[] rows, double[] gathered) {
        int pixels = layout.pixels();
        int depth = images * pixels;
        Parallel.forEach(images, (long) depth * layout.patch(), i -> {
            int n = first + i;
            Im2Col.unfold(x, layout.imageOffset(n, group), layout.groupIn(), g, rows, i * pixels * layout.patch(),
                    1, layout.patch());
            for (int o = 0; o < layout.groupOut(); o++) {
                System.arraycopy(gradOut, layout.outOffset(n, group) + o * pixels, gathered, o * depth + i * pixels,
                        pixels);
            }
        });
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
