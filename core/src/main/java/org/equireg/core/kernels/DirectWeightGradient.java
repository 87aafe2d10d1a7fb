package org.equireg.core.kernels;

import java.util.Arrays;

/**
 * The weight gradient of a stride-1, single-group convolution without unfolding:
 * {@code dWeight[o][q] = sum over n, i of G[n][o][i] * image[n][offset(q) + i]}, where the images are
 * zero-padded and flattened row by row as in {@link DirectConvolution}, so that term q (a channel and
 * a tap) is a fixed offset, and G is the output gradient laid out on the same padded rows, zero past
 * the right edge of each output row. Those zero terms add nothing (a chain that starts from +0 is
 * never -0, so adding an exact zero leaves it unchanged), except that zero times an infinite or NaN
 * pixel next to the edge is NaN: {@link Convolution#backwardWeight} then recomputes the gradient
 * from unfolded patches, which have no such terms.
 *
 * <p>Each element is {@link WeightGradientKernel#CHAINS} sums over (n, i), position i going to chain
 * {@code i mod CHAINS}, whose results are then added from the first chain to the last; it agrees with
 * the single chain of the unfolded product to rounding. So that a long sum stays accurate in float32,
 * the terms are cut into rounds of at most {@link Cascade#DEPTH} terms per chain: runs of
 * {@link Layout#imagesPerRound} images, and within an image too long for one round, runs of
 * {@link Layout#roundPositions} positions. In each round every chain is a fused multiply-add chain
 * over (n, i) in order from +0, and the rounds' chains are added pairwise as {@link Cascade} adds a
 * matrix product's chunks. In float64 a round holds 2^16 terms per chain (2^19 positions over all
 * images), so the usual sizes are one round: one chain per lane. The chain count and the rounds do not depend on the vector
 * width, so the scalar and vector paths and machines with 256- or 512-bit vectors give the same bits;
 * tasks own disjoint tiles and every tile walks all images, so neither does the thread count.
 */
final class DirectWeightGradient {
    private static final WeightGradientKernel KERNEL = kernel();
    private static final Scratch IMAGES = new Scratch();
    private static final Scratch GRADIENTS = new Scratch();
    private static final Scratch PARTIAL = new Scratch();

    private DirectWeightGradient() {
    }

    /** The widest kernel the vector shape allows; all give the same bits. */
    private static WeightGradientKernel kernel() {
        if (!Simd.VECTORIZED) {
            return ScalarWeightGradientKernel.INSTANCE;
        }
        return switch (VectorShape.LANES) {
            case WeightGradientKernel.CHAINS -> VectorWeightGradientKernel512.INSTANCE;
            case WeightGradientKernel.CHAINS / 2 -> VectorWeightGradientKernel256.INSTANCE;
            default -> ScalarWeightGradientKernel.INSTANCE;
        };
    }

    /**
     * Whether {@link #backwardWeight} handles this convolution: stride 1, one group, and padded copies
     * of an image and its gradient that fit one array.
     */
    static boolean applies(ConvGeometry g, int groups, int outChannels) {
        if (!DirectConvolution.applies(g, groups)) {
            return false;
        }
        Layout layout = new Layout(g, outChannels, WeightGradientKernel.CHAINS);
        return (long) layout.imageLength() + (long) outChannels * layout.positions() <= Integer.MAX_VALUE - 16;
    }

    /**
     * {@link Convolution#backwardWeight} for a convolution that {@link #applies}. Each task copies the
     * images, a block at a time, to padded rows in a buffer of its own that stays in the cache while its
     * tiles read it: the copies are repeated per task, but read from memory what the tiles would
     * otherwise have read back from a padded copy of the whole batch.
     */
    static void backwardWeight(double[] gradOut, double[] x, ConvGeometry g, int outChannels, double[] dWeight) {
        Layout layout = new Layout(g, outChannels, WeightGradientKernel.CHAINS);
        int batch = g.batch();
        int patch = layout.offsets().length;
        int slot = outChannels * patch * WeightGradientKernel.CHAINS;
        int roundPositions = layout.roundPositions();
        int chunksPerImage = (layout.positions() + roundPositions - 1) / roundPositions;
        int imagesPerRound = layout.imagesPerRound();
        int imagesPerBlock = Math.min(batch, layout.imagesPerBlock());
        int rounds = (batch + imagesPerRound - 1) / imagesPerRound * chunksPerImage;
        // Slot 0 holds the partial sums of the current round; the cascade's levels follow.
        double[] partial = PARTIAL.take(Math.max(1, Cascade.slots(rounds)) * slot);
        Arrays.fill(partial, 0, slot, 0.0);
        int height = KERNEL.rows();
        int terms = KERNEL.terms();
        int columnTiles = (patch + terms - 1) / terms;
        int tiles = columnTiles * ((outChannels + height - 1) / height);
        long flops = 2L * batch * outChannels * patch * layout.positions();
        int tasks = Math.min(tiles, Parallel.plannedThreads(flops));
        Parallel.forEach(tasks, flops, task -> {
            int[] gradRows = new int[height];
            int[] offsets = new int[terms];
            int[] rows = new int[height];
            int[] columns = new int[terms];
            int begin = firstTile(tiles, tasks, task);
            int end = firstTile(tiles, tasks, task + 1);
            // The output channels this task's tiles read: only their gradient rows are copied.
            int firstChannel = begin / columnTiles * height;
            int endChannel = Math.min(outChannels, ((end - 1) / columnTiles + 1) * height);
            double[] images = IMAGES.take(imagesPerBlock * layout.imageLength());
            double[] gradients = GRADIENTS.take(imagesPerBlock * outChannels * layout.positions());
            // The copies write the same places for every block: the padding, zeroed once, stays zero.
            Arrays.fill(images, 0, imagesPerBlock * layout.imageLength(), 0.0);
            Arrays.fill(gradients, 0, imagesPerBlock * outChannels * layout.positions(), 0.0);
            int copied = -1;
            int round = 0;
            for (int roundStart = 0; roundStart < batch; roundStart += imagesPerRound) {
                int roundEnd = Math.min(batch, roundStart + imagesPerRound);
                for (int from = 0; from < layout.positions(); from += roundPositions, round++) {
                    int span = Math.min(roundPositions, layout.positions() - from);
                    for (int first = roundStart; first < roundEnd; first += imagesPerBlock) {
                        int count = Math.min(imagesPerBlock, roundEnd - first);
                        if (first != copied) { // an image cut into several rounds is copied once
                            for (int n = 0; n < count; n++) {
                                layout.spread(gradOut, x, first + n, n, firstChannel, endChannel, images, gradients);
                            }
                            copied = first;
                        }
                        for (int tile = begin; tile < end; tile++) {
                            // Consecutive tiles share their rows of G, which stay in L1 while the terms change.
                            // Past the last channel or term, the tile repeats it: computed again, harmlessly.
                            for (int r = 0; r < height; r++) {
                                int o = Math.min(tile / columnTiles * height + r, outChannels - 1);
                                gradRows[r] = o * layout.positions() + from;
                                rows[r] = o * patch * WeightGradientKernel.CHAINS;
                            }
                            for (int t = 0; t < terms; t++) {
                                int q = Math.min(tile % columnTiles * terms + t, patch - 1);
                                offsets[t] = layout.offsets()[q] + from;
                                columns[t] = q * WeightGradientKernel.CHAINS;
                            }
                            KERNEL.accumulate(images, offsets, layout.imageLength(), gradients, gradRows,
                                    outChannels * layout.positions(), count, span, partial, rows, columns);
                        }
                    }
                    if (rounds > 1) {
                        for (int tile = begin; tile < end; tile++) {
                            mergeRound(partial, slot, round, rounds, tile, columnTiles, height, terms, outChannels,
                                    patch);
                        }
                    }
                }
            }
            GRADIENTS.give(gradients);
            IMAGES.give(images);
        });
        for (int element = 0; element < outChannels * patch; element++) {
            double sum = partial[element * WeightGradientKernel.CHAINS];
            for (int lane = 1; lane < WeightGradientKernel.CHAINS; lane++) {
                sum += partial[element * WeightGradientKernel.CHAINS + lane];
            }
            dWeight[element] = sum;
        }
        PARTIAL.give(partial);
    }

    /**
     * Adds a tile's chains of round {@code round} (slot 0 of {@code partial}) into the cascade, then clears
     * them for the next round; the last round leaves the total in slot 0.
     */
    private static void mergeRound(double[] partial, int slot, int round, int rounds, int tile, int columnTiles,
                                   int height, int terms, int outChannels, int patch) {
        int firstChannel = tile / columnTiles * height;
        int firstTerm = tile % columnTiles * terms;
        int channels = Math.min(height, outChannels - firstChannel);
        int width = Math.min(terms, patch - firstTerm) * WeightGradientKernel.CHAINS;
        int stride = patch * WeightGradientKernel.CHAINS;
        int at = firstChannel * stride + firstTerm * WeightGradientKernel.CHAINS;
        Cascade.merge(round, rounds, 0, partial, slot, at, stride, channels, width, partial, at, stride);
        if (round < rounds - 1) {
            for (int r = 0; r < channels; r++) {
                Arrays.fill(partial, at + r * stride, at + r * stride + width, 0.0);
            }
        }
    }

    /** The first tile of task {@code task}: even runs of tiles per task. */
    private static int firstTile(int tiles, int tasks, int task) {
        return (int) ((long) tiles * task / tasks);
    }

    /** The padded layouts of one convolution's images and output gradient. */
    private record Layout(ConvGeometry g, int outChannels, int paddedWidth, int planeSize, int positions,
                          int imageLength, int[] offsets) {
        Layout(ConvGeometry g, int outChannels, int chains) {
            this(g, outChannels, g.width() + 2 * g.padding(), (g.height() + 2 * g.padding()) * (g.width() + 2 * g.padding()),
                    roundUp(g.outHeight() * (g.width() + 2 * g.padding()), chains),
                    g.channels() * (g.height() + 2 * g.padding()) * (g.width() + 2 * g.padding())
                            + g.dilation() * (g.kernelWidth() - 1) + chains,
                    new int[g.channels() * g.kernelHeight() * g.kernelWidth()]);
            int q = 0;
            for (int c = 0; c < g.channels(); c++) {
                for (int ky = 0; ky < g.kernelHeight(); ky++) {
                    for (int kx = 0; kx < g.kernelWidth(); kx++) {
                        offsets[q++] = c * planeSize + (ky * paddedWidth + kx) * g.dilation();
                    }
                }
            }
        }

        /**
         * Images handled together by each tile: as many as fit in about 256 KiB with their gradients,
         * so that a task's copy of the block stays in L2 while its tiles read it, and a tile's partial
         * sums are loaded and stored once per block, not per image.
         */
        int imagesPerBlock() {
            return Math.max(1, (256 << 10) / Double.BYTES / (imageLength + outChannels * positions));
        }

        /**
         * Positions of an image per round: all of them, unless a chain would get more than
         * {@link Cascade#DEPTH} terms from one image; a multiple of the chain count.
         */
        int roundPositions() {
            return Math.min(positions, Cascade.DEPTH * WeightGradientKernel.CHAINS);
        }

        /** Images per round: as many as keep each chain within {@link Cascade#DEPTH} terms, at least one. */
        int imagesPerRound() {
            return Math.max(1, Cascade.DEPTH * WeightGradientKernel.CHAINS / positions);
        }

        /**
         * Copies image n and the rows {@code firstChannel .. endChannel - 1} of its output gradient to
         * place {@code at} of {@code images} and {@code gradients}, on padded rows; the padding is left
         * as it is (zero).
         */
        void spread(double[] gradOut, double[] x, int n, int at, int firstChannel, int endChannel, double[] images,
                    double[] gradients) {
            int image = at * imageLength;
            for (int c = 0; c < g.channels(); c++) {
                for (int y = 0; y < g.height(); y++) {
                    System.arraycopy(x, ((n * g.channels() + c) * g.height() + y) * g.width(), images,
                            image + c * planeSize + (y + g.padding()) * paddedWidth + g.padding(), g.width());
                }
            }
            int gradient = at * outChannels * positions;
            for (int o = firstChannel; o < endChannel; o++) {
                for (int y = 0; y < g.outHeight(); y++) {
                    System.arraycopy(gradOut, ((n * outChannels + o) * g.outHeight() + y) * g.outWidth(), gradients,
                            gradient + o * positions + y * paddedWidth, g.outWidth());
                }
            }
        }

        private static int roundUp(int value, int multiple) {
            return (value + multiple - 1) / multiple * multiple;
        }
    }
}
