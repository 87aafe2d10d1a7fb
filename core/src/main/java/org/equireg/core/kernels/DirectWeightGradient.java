package org.equireg.core.kernels;

import java.util.Arrays;

/**
 * The weight gradient of a stride-1, single-group convolution without unfolding:
 * {@code dWeight[o][q] = sum over n, i of G[n][o][i] * image[n][offset(q) + i]}, where the images are
 * zero-padded and flattened row by row as in {@link DirectConvolution}, so that term q (a channel and
 * a tap) is a fixed offset, and G is the output gradient laid out on the same padded rows, zero past
 * the right edge of each output row. Those zero terms add nothing (a chain that starts from +0 is
 * never -0, so adding an exact zero leaves it unchanged; an infinite or NaN pixel next to the edge
 * can turn an infinite gradient into NaN).
 *
 * <p>Each element is {@link WeightGradientKernel#lanes()} fused multiply-add chains over (n, i) in
 * order, position i going to chain {@code i mod lanes}, whose results are then added from the first
 * chain to the last. With one lane (the scalar path) that is the same sequence as
 * {@link Convolution#backwardWeight} documents; the vector path agrees with it to rounding. Tasks own
 * disjoint tiles and every tile walks all images, so the bits do not depend on the thread count.
 */
final class DirectWeightGradient {
    private static final WeightGradientKernel KERNEL =
            Simd.VECTORIZED ? VectorWeightGradientKernel.INSTANCE : ScalarWeightGradientKernel.INSTANCE;
    private static final Scratch IMAGES = new Scratch();
    private static final Scratch GRADIENTS = new Scratch();
    private static final Scratch PARTIAL = new Scratch();

    private DirectWeightGradient() {
    }

    /** Whether {@link #backwardWeight} handles this convolution. */
    static boolean applies(ConvGeometry g, int groups) {
        return DirectConvolution.applies(g, groups);
    }

    /** {@link Convolution#backwardWeight} for a convolution that {@link #applies}. */
    static void backwardWeight(double[] gradOut, double[] x, ConvGeometry g, int outChannels, double[] dWeight) {
        Layout layout = new Layout(g, outChannels, KERNEL.lanes());
        int batch = g.batch();
        int patch = layout.offsets().length;
        double[] images = IMAGES.take(batch * layout.imageLength());
        double[] gradients = GRADIENTS.take(batch * outChannels * layout.positions());
        long copies = (long) batch * (layout.imageLength() + outChannels * layout.positions());
        Parallel.forEach(batch, copies, n -> layout.spread(gradOut, x, n, images, gradients));
        double[] partial = PARTIAL.take(outChannels * patch * KERNEL.lanes());
        Arrays.fill(partial, 0, outChannels * patch * KERNEL.lanes(), 0.0);
        int columnTiles = (patch + 3) / 4;
        int tiles = columnTiles * ((outChannels + 3) / 4);
        long flops = 2L * batch * outChannels * patch * layout.positions();
        int tasks = Math.min(tiles, Parallel.plannedThreads(flops));
        Parallel.forEach(tasks, flops, task -> {
            int[] gradRows = new int[4];
            int[] offsets = new int[4];
            int[] rows = new int[4];
            int[] columns = new int[4];
            int end = Grid.first(tiles, tasks, task + 1);
            for (int first = 0; first < batch; first += layout.imagesPerBlock()) {
                int count = Math.min(layout.imagesPerBlock(), batch - first);
                for (int tile = Grid.first(tiles, tasks, task); tile < end; tile++) {
                    // Consecutive tiles share their rows of G, which stay in L1 while the terms change.
                    // Past the last channel or term, the tile repeats it: computed again, harmlessly.
                    for (int r = 0; r < 4; r++) {
                        int o = Math.min(tile / columnTiles * 4 + r, outChannels - 1);
                        gradRows[r] = (first * outChannels + o) * layout.positions();
                        rows[r] = o * patch * KERNEL.lanes();
                        int q = Math.min(tile % columnTiles * 4 + r, patch - 1);
                        offsets[r] = first * layout.imageLength() + layout.offsets()[q];
                        columns[r] = q * KERNEL.lanes();
                    }
                    KERNEL.accumulate(images, offsets, layout.imageLength(), gradients, gradRows,
                            outChannels * layout.positions(), count, layout.positions(), partial, rows, columns);
                }
            }
        });
        for (int element = 0; element < outChannels * patch; element++) {
            double sum = partial[element * KERNEL.lanes()];
            for (int lane = 1; lane < KERNEL.lanes(); lane++) {
                sum += partial[element * KERNEL.lanes() + lane];
            }
            dWeight[element] = sum;
        }
        PARTIAL.give(partial);
        GRADIENTS.give(gradients);
        IMAGES.give(images);
    }

    /** Even runs of tiles per task. */
    private static final class Grid {
        static int first(int tiles, int tasks, int task) {
            return (int) ((long) tiles * task / tasks);
        }
    }

    /** The padded layouts of one convolution's images and output gradient. */
    private record Layout(ConvGeometry g, int outChannels, int paddedWidth, int planeSize, int positions,
                          int imageLength, int[] offsets) {
        Layout(ConvGeometry g, int outChannels, int lanes) {
            this(g, outChannels, g.width() + 2 * g.padding(), (g.height() + 2 * g.padding()) * (g.width() + 2 * g.padding()),
                    roundUp(g.outHeight() * (g.width() + 2 * g.padding()), lanes),
                    g.channels() * (g.height() + 2 * g.padding()) * (g.width() + 2 * g.padding())
                            + g.dilation() * (g.kernelWidth() - 1) + lanes,
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
         * Images handled together by each tile: as many as fit in about 256 KiB (L2) with their
         * gradients, so a tile's partial sums are loaded and stored once per block, not per image.
         */
        int imagesPerBlock() {
            return Math.max(1, (1 << 15) / (imageLength + outChannels * positions));
        }

        /** Writes image n, zero-padded, and its output gradient, on padded rows. */
        void spread(double[] gradOut, double[] x, int n, double[] images, double[] gradients) {
            int image = n * imageLength;
            Arrays.fill(images, image, image + imageLength, 0.0);
            for (int c = 0; c < g.channels(); c++) {
                for (int y = 0; y < g.height(); y++) {
                    System.arraycopy(x, ((n * g.channels() + c) * g.height() + y) * g.width(), images,
                            image + c * planeSize + (y + g.padding()) * paddedWidth + g.padding(), g.width());
                }
            }
            int gradient = n * outChannels * positions;
            Arrays.fill(gradients, gradient, gradient + outChannels * positions, 0.0);
            for (int o = 0; o < outChannels; o++) {
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
