package org.equireg.core.kernels;

import static org.equireg.core.kernels.KernelTesting.SEED;
import static org.equireg.core.kernels.KernelTesting.assertBitwiseEquals;
import static org.equireg.core.kernels.KernelTesting.assumeVectorModule;
import static org.equireg.core.kernels.KernelTesting.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The convolution kernels against direct loops that perform the documented sequence of operations,
 * compared bit for bit, over strides, padding, dilation, groups, rectangular and pointwise kernels;
 * and the same bits for 1, 2 and 4 threads.
 */
class ConvolutionTest {

    /** One convolution problem: geometry, output channels, groups and seeded data. */
    private record Case(ConvGeometry g, int outChannels, int groups, double[] x, double[] weight, double[] bias,
                        double[] gradOut) {
        static Case of(Random random, int batch, int channels, int height, int width, int outChannels,
                       int kernelHeight, int kernelWidth, int stride, int padding, int dilation, int groups,
                       boolean withBias) {
            ConvGeometry g = new ConvGeometry(batch, channels, height, width, kernelHeight, kernelWidth, stride,
                    padding, dilation);
            int weights = outChannels * channels / groups * kernelHeight * kernelWidth;
            return new Case(g, outChannels, groups, values(random, batch * channels * height * width),
                    values(random, weights), withBias ? values(random, outChannels) : null,
                    values(random, batch * outChannels * g.outHeight() * g.outWidth()));
        }

        int groupIn() {
            return g.channels() / groups;
        }

        int groupOut() {
            return outChannels / groups;
        }

        /** The input pixel under tap (ky, kx) of output (oy, ox), or 0 in the padding. */
        double tap(int n, int c, int oy, int ox, int ky, int kx) {
            int y = oy * g.stride() - g.padding() + ky * g.dilation();
            int xx = ox * g.stride() - g.padding() + kx * g.dilation();
            boolean inside = y >= 0 && y < g.height() && xx >= 0 && xx < g.width();
            return inside ? x[((n * g.channels() + c) * g.height() + y) * g.width() + xx] : 0.0;
        }

        int weightIndex(int o, int ci, int ky, int kx) {
            return ((o * groupIn() + ci) * g.kernelHeight() + ky) * g.kernelWidth() + kx;
        }

        int outIndex(int n, int o, int oy, int ox) {
            return ((n * outChannels + o) * g.outHeight() + oy) * g.outWidth() + ox;
        }
    }

    private static Case[] cases() {
        Random random = new Random(SEED);
        return new Case[] {
            Case.of(random, 2, 3, 7, 6, 4, 3, 3, 1, 1, 1, 1, true),
            Case.of(random, 1, 2, 9, 9, 3, 3, 2, 2, 0, 1, 1, false),
            Case.of(random, 2, 4, 8, 7, 6, 3, 3, 2, 2, 2, 2, true),
            Case.of(random, 3, 6, 5, 5, 6, 1, 1, 1, 0, 1, 3, true),
            Case.of(random, 2, 5, 6, 4, 7, 1, 1, 1, 0, 1, 1, false),
            Case.of(random, 1, 2, 4, 4, 2, 2, 2, 3, 3, 1, 1, true),
            Case.of(random, 2, 3, 3, 3, 5, 3, 3, 1, 0, 1, 1, true),
            Case.of(random, 1, 1, 5, 5, 1, 5, 5, 1, 4, 1, 1, false),
            Case.of(random, 2, 3, 6, 9, 5, 2, 3, 1, 1, 2, 1, true),
            Case.of(random, 1, 2, 5, 5, 3, 3, 3, 1, 3, 1, 1, false),
            Case.of(random, 3, 1, 11, 13, 6, 3, 3, 1, 1, 1, 1, true),
        };
    }

    /** out = bias, then out = fma(weight, tap, out) over (c, ky, kx) in order, padding taps included. */
    private static double[] referenceForward(Case k) {
        ConvGeometry g = k.g();
        double[] out = new double[g.batch() * k.outChannels() * g.outHeight() * g.outWidth()];
        for (int n = 0; n < g.batch(); n++) {
            for (int o = 0; o < k.outChannels(); o++) {
                int firstChannel = o / k.groupOut() * k.groupIn();
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    for (int ox = 0; ox < g.outWidth(); ox++) {
                        double sum = k.bias() == null ? 0.0 : k.bias()[o];
                        for (int ci = 0; ci < k.groupIn(); ci++) {
                            for (int ky = 0; ky < g.kernelHeight(); ky++) {
                                for (int kx = 0; kx < g.kernelWidth(); kx++) {
                                    sum = Math.fma(k.weight()[k.weightIndex(o, ci, ky, kx)],
                                            k.tap(n, firstChannel + ci, oy, ox, ky, kx), sum);
                                }
                            }
                        }
                        out[k.outIndex(n, o, oy, ox)] = sum;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Stride 1, one group, padding at most {@code d (k - 1)}: the correlation of the output gradient
     * with the flipped kernel (see {@link DirectConvolution#backwardInput}); otherwise col2im.
     */
    private static double[] referenceInputGradient(Case k) {
        ConvGeometry g = k.g();
        boolean direct = g.stride() == 1 && k.groups() == 1
                && g.padding() <= g.dilation() * (Math.min(g.kernelHeight(), g.kernelWidth()) - 1);
        return direct ? referenceFlippedCorrelation(k) : referenceColumnFold(k);
    }

    /**
     * dx = 0, then {@code dx = fma(weight[o][c][kH - 1 - ky][kW - 1 - kx], G[o][y + ky d - q][x + kx d - r], dx)}
     * over (o, ky, kx) in order, G = 0 outside the output, {@code q = d (kH - 1) - p}, {@code r = d (kW - 1) - p}.
     */
    private static double[] referenceFlippedCorrelation(Case k) {
        ConvGeometry g = k.g();
        int d = g.dilation();
        int q = d * (g.kernelHeight() - 1) - g.padding();
        int r = d * (g.kernelWidth() - 1) - g.padding();
        double[] dx = new double[k.x().length];
        for (int n = 0; n < g.batch(); n++) {
            for (int c = 0; c < g.channels(); c++) {
                for (int y = 0; y < g.height(); y++) {
                    for (int x = 0; x < g.width(); x++) {
                        double sum = 0.0;
                        for (int o = 0; o < k.outChannels(); o++) {
                            for (int ky = 0; ky < g.kernelHeight(); ky++) {
                                for (int kx = 0; kx < g.kernelWidth(); kx++) {
                                    int oy = y + ky * d - q;
                                    int ox = x + kx * d - r;
                                    boolean inside = oy >= 0 && oy < g.outHeight() && ox >= 0 && ox < g.outWidth();
                                    double weight = k.weight()[k.weightIndex(o, c, g.kernelHeight() - 1 - ky,
                                            g.kernelWidth() - 1 - kx)];
                                    sum = Math.fma(weight, inside ? k.gradOut()[k.outIndex(n, o, oy, ox)] : 0.0, sum);
                                }
                            }
                        }
                        dx[((n * g.channels() + c) * g.height() + y) * g.width() + x] = sum;
                    }
                }
            }
        }
        return dx;
    }

    /**
     * For each image, group, tap (c, ky, kx) and output pixel in order: the column entry
     * {@code fma chain over o of weight * gradOut} is added to the input pixel under the tap.
     */
    private static double[] referenceColumnFold(Case k) {
        ConvGeometry g = k.g();
        double[] dx = new double[k.x().length];
        for (int n = 0; n < g.batch(); n++) {
            for (int group = 0; group < k.groups(); group++) {
                for (int ci = 0; ci < k.groupIn(); ci++) {
                    int c = group * k.groupIn() + ci;
                    for (int ky = 0; ky < g.kernelHeight(); ky++) {
                        for (int kx = 0; kx < g.kernelWidth(); kx++) {
                            for (int oy = 0; oy < g.outHeight(); oy++) {
                                for (int ox = 0; ox < g.outWidth(); ox++) {
                                    int y = oy * g.stride() - g.padding() + ky * g.dilation();
                                    int xx = ox * g.stride() - g.padding() + kx * g.dilation();
                                    if (y < 0 || y >= g.height() || xx < 0 || xx >= g.width()) {
                                        continue;
                                    }
                                    double column = 0.0;
                                    for (int og = 0; og < k.groupOut(); og++) {
                                        int o = group * k.groupOut() + og;
                                        column = Math.fma(k.weight()[k.weightIndex(o, ci, ky, kx)],
                                                k.gradOut()[k.outIndex(n, o, oy, ox)], column);
                                    }
                                    dx[((n * g.channels() + c) * g.height() + y) * g.width() + xx] += column;
                                }
                            }
                        }
                    }
                }
            }
        }
        return dx;
    }

    /** dWeight = 0, then dWeight = fma(gradOut, tap, dWeight) over (n, oy, ox) in order, padding taps included. */
    private static double[] referenceWeightGradient(Case k) {
        ConvGeometry g = k.g();
        double[] dw = new double[k.weight().length];
        for (int o = 0; o < k.outChannels(); o++) {
            int firstChannel = o / k.groupOut() * k.groupIn();
            for (int ci = 0; ci < k.groupIn(); ci++) {
                for (int ky = 0; ky < g.kernelHeight(); ky++) {
                    for (int kx = 0; kx < g.kernelWidth(); kx++) {
                        double sum = 0.0;
                        for (int n = 0; n < g.batch(); n++) {
                            for (int oy = 0; oy < g.outHeight(); oy++) {
                                for (int ox = 0; ox < g.outWidth(); ox++) {
                                    sum = Math.fma(k.gradOut()[k.outIndex(n, o, oy, ox)],
                                            k.tap(n, firstChannel + ci, oy, ox, ky, kx), sum);
                                }
                            }
                        }
                        dw[k.weightIndex(o, ci, ky, kx)] = sum;
                    }
                }
            }
        }
        return dw;
    }

    @Test
    void forwardFollowsTheReferenceBitForBit() {
        int checked = 0;
        for (Case k : cases()) {
            double[] out = new double[k.gradOut().length];
            java.util.Arrays.fill(out, Double.NaN);
            Convolution.forward(k.x(), k.weight(), k.bias(), k.g(), k.outChannels(), k.groups(), out);
            assertBitwiseEquals(referenceForward(k), out, "forward " + k.g());
            checked++;
        }
        assertEquals(cases().length, checked);
    }

    @Test
    void inputGradientFollowsTheReferenceBitForBit() {
        for (Case k : cases()) {
            double[] dx = new double[k.x().length];
            java.util.Arrays.fill(dx, Double.NaN);
            Convolution.backwardInput(k.gradOut(), k.weight(), k.g(), k.outChannels(), k.groups(), dx);
            assertBitwiseEquals(referenceInputGradient(k), dx, "input gradient " + k.g());
        }
    }

    /**
     * Through the public entry point: stride 1 and one group take {@link DirectWeightGradient}
     * ({@link #referenceLaneChains}), the others the unfolded product ({@link #referenceWeightGradient}).
     */
    @Test
    void weightGradientFollowsItsReferenceBitForBit() {
        for (Case k : cases()) {
            boolean direct = k.g().stride() == 1 && k.groups() == 1;
            double[] dw = new double[k.weight().length];
            java.util.Arrays.fill(dw, Double.NaN);
            Convolution.backwardWeight(k.gradOut(), k.x(), k.g(), k.outChannels(), k.groups(), dw);
            double[] expected = direct ? referenceLaneChains(k, WeightGradientKernel.CHAINS) : referenceWeightGradient(k);
            assertBitwiseEquals(expected, dw, "weight gradient " + k.g());
        }
    }

    /** Every vector tile gives its scalar twin's bits, run here with whatever vectors this JVM prefers. */
    @Test
    void vectorMicroKernelsMatchTheScalarTwin() {
        assumeVectorModule();
        Random random = new Random(SEED);
        int[] offsets = {0, 1, 2, 30, 31, 32, 60, 61, 62, 900, 901, 902};
        // Three channels of twelve terms in one block of four rows: the last row repeats, as at the last channels.
        double[] weights = ConvMicroKernel.pack(values(random, 36), 3, offsets.length);
        double[] start = values(random, 4);
        double[] image = values(random, 4096);
        ScalarConvMicroKernel scalar = ScalarConvMicroKernel.INSTANCE;
        for (ConvMicroKernel vector : new ConvMicroKernel[] {VectorConvMicroKernel.INSTANCE,
            VectorConvMicroKernel256.INSTANCE}) {
            int positions = 3 * vector.positions();
            int rowLength = (positions / scalar.positions() + 1) * scalar.positions() + 7;
            int[] outRows = {0, rowLength, 2 * rowLength, 2 * rowLength};
            double[] expected = new double[3 * rowLength];
            double[] actual = new double[3 * rowLength];
            for (int position = 5; position < 5 + positions; position += scalar.positions()) {
                scalar.correlate(image, offsets, weights, 0, start, expected, outRows, position);
            }
            for (int position = 5; position < 5 + positions; position += vector.positions()) {
                vector.correlate(image, offsets, weights, 0, start, actual, outRows, position);
            }
            for (int r = 0; r < 3; r++) {
                int from = r * rowLength + 5;
                assertBitwiseEquals(java.util.Arrays.copyOfRange(expected, from, from + positions),
                        java.util.Arrays.copyOfRange(actual, from, from + positions),
                        vector.getClass().getSimpleName() + " row " + r);
            }
        }
    }

    /**
     * The weight-gradient kernel of this JVM's vector width gives its scalar twin's bits over several
     * images, from nonzero partial sums, with a repeated row and a repeated column as at the last
     * channels and terms.
     */
    @Test
    void weightGradientKernelMatchesTheScalarTwin() {
        assumeVectorModule();
        Random random = new Random(SEED);
        WeightGradientKernel vector = VectorShape.LANES == WeightGradientKernel.CHAINS
                ? VectorWeightGradientKernel512.INSTANCE : VectorWeightGradientKernel256.INSTANCE;
        int chains = WeightGradientKernel.CHAINS;
        int[] offsets = new int[vector.terms()];
        int[] columns = new int[vector.terms()];
        for (int t = 0; t < offsets.length; t++) {
            offsets[t] = Math.min(t, offsets.length - 2) * 7 + 3;
            columns[t] = Math.min(t, offsets.length - 2) * chains;
        }
        int[] gradRows = new int[vector.rows()];
        int[] rows = new int[vector.rows()];
        for (int r = 0; r < rows.length; r++) {
            gradRows[r] = Math.min(r, rows.length - 2) * 50 + 1;
            rows[r] = Math.min(r, rows.length - 2) * (offsets.length + 1) * chains;
        }
        int positions = 3 * chains;
        int stride = rows.length * 50 + positions;
        double[] image = values(random, 3 * stride + 64);
        double[] grad = values(random, 3 * stride + 64);
        double[] start = values(random, (rows.length + 1) * (offsets.length + 1) * chains);
        double[] expected = start.clone();
        double[] actual = start.clone();
        ScalarWeightGradientKernel.INSTANCE.accumulate(image, offsets, stride, grad, gradRows, stride, 3, positions,
                expected, rows, columns);
        vector.accumulate(image, offsets, stride, grad, gradRows, stride, 3, positions, actual, rows, columns);
        assertBitwiseEquals(expected, actual, vector.getClass().getSimpleName());
    }

    /** 512-bit vectors (32 registers) take the 4 x 4 tile, narrower ones the 4 x 2, the scalar path its twin. */
    @Test
    void theTileFollowsTheVectorWidth() {
        ConvMicroKernel expected = !Simd.vectorized() ? ScalarConvMicroKernel.INSTANCE
                : Simd.lanes() * 8 >= 64 ? VectorConvMicroKernel.INSTANCE : VectorConvMicroKernel256.INSTANCE;
        assertSame(expected, DirectConvolution.microKernel());
    }

    /**
     * A sum long enough for several rounds of the direct weight gradient in either element type: three
     * images, one round each in float64, two each in float32; on one, two and three threads.
     */
    @Test
    void longWeightGradientSumsAreAddedInRounds() {
        int side = Cascade.DEPTH > 1024 ? 600 : 70;
        Case k = Case.of(new Random(SEED), 3, 1, side, side, 2, 3, 3, 1, 1, 1, 1, false);
        double[] expected = referenceLaneChains(k, WeightGradientKernel.CHAINS);
        for (int threads : new int[] {1, 2, 3}) {
            double[] dw = new double[k.weight().length];
            Parallel.withThreads(threads, () -> Convolution.backwardWeight(k.gradOut(), k.x(), k.g(), k.outChannels(),
                    k.groups(), dw));
            assertBitwiseEquals(expected, dw, "weight gradient " + k.g() + ", " + threads + " threads");
        }
    }

    /**
     * The chained reference with one chain, when the sum is one round, is the plain chain over
     * (n, oy, ox): a check of the reference.
     */
    @Test
    void oneLaneChainIsThePlainChain() {
        int checked = 0;
        for (Case k : cases()) {
            int positions = k.g().outHeight() * (k.g().width() + 2 * k.g().padding());
            if (k.g().stride() == 1 && k.groups() == 1 && k.g().batch() * positions <= Cascade.DEPTH) {
                checked++;
                assertBitwiseEquals(referenceWeightGradient(k), referenceLaneChains(k, 1), "one lane " + k.g());
            }
        }
        assertTrue(checked >= 3, "too few one-round cases: " + checked);
    }

    /**
     * {@link DirectWeightGradient}'s sequence: on the image zero-padded and flattened row by row (row
     * length {@code Wp = W + 2p}) and G on the same rows (zero past each row's end), position i of
     * {@code roundUp(outH Wp, lanes)} goes to chain {@code i mod lanes}; the terms are cut into rounds of
     * at most {@link Cascade#DEPTH} per chain (whole images while they fit, else runs of an image's
     * positions), each chain an fma chain over (n, i) in order from 0 within a round, the rounds added
     * pairwise, then the chains added first to last.
     */
    private static double[] referenceLaneChains(Case k, int lanes) {
        ConvGeometry g = k.g();
        int wp = g.width() + 2 * g.padding();
        int hp = g.height() + 2 * g.padding();
        int positions = (g.outHeight() * wp + lanes - 1) / lanes * lanes;
        int roundPositions = Math.min(positions, Cascade.DEPTH * lanes);
        int chunksPerImage = (positions + roundPositions - 1) / roundPositions;
        int imagesPerRound = Math.max(1, Cascade.DEPTH * lanes / positions);
        int rounds = (g.batch() + imagesPerRound - 1) / imagesPerRound * chunksPerImage;
        double[] dw = new double[k.weight().length];
        for (int o = 0; o < k.outChannels(); o++) {
            for (int c = 0; c < g.channels(); c++) {
                for (int ky = 0; ky < g.kernelHeight(); ky++) {
                    for (int kx = 0; kx < g.kernelWidth(); kx++) {
                        double[][] chains = new double[lanes][rounds];
                        for (int n = 0; n < g.batch(); n++) {
                            for (int i = 0; i < positions; i++) {
                                int oy = i / wp;
                                int ox = i % wp;
                                double grad = oy < g.outHeight() && ox < g.outWidth()
                                        ? k.gradOut()[k.outIndex(n, o, oy, ox)] : 0.0;
                                // the padded flat image, read past a row's end into the next row (or plane)
                                int flat = c * hp * wp + (oy + ky * g.dilation()) * wp + ox + kx * g.dilation();
                                int pc = flat / (hp * wp);
                                int py = flat % (hp * wp) / wp - g.padding();
                                int px = flat % wp - g.padding();
                                boolean inside = pc < g.channels() && py >= 0 && py < g.height() && px >= 0
                                        && px < g.width();
                                double pixel = inside ? k.x()[((n * g.channels() + pc) * g.height() + py) * g.width() + px]
                                        : 0.0;
                                int round = n / imagesPerRound * chunksPerImage + i / roundPositions;
                                chains[i % lanes][round] = Math.fma(grad, pixel, chains[i % lanes][round]);
                            }
                        }
                        double sum = KernelTesting.pairwise(chains[0], 0, rounds);
                        for (int lane = 1; lane < lanes; lane++) {
                            sum += KernelTesting.pairwise(chains[lane], 0, rounds);
                        }
                        dw[k.weightIndex(o, c, ky, kx)] = sum;
                    }
                }
            }
        }
        return dw;
    }

    @Test
    void weightGradientFollowsTheReferenceBitForBitForAnySplit() {
        for (Case k : cases()) {
            double[] expected = referenceWeightGradient(k);
            int patch = k.groupIn() * k.g().kernelHeight() * k.g().kernelWidth();
            int[][] splits = {Convolution.split(patch, k.groupOut(), k.groups(), 2), {patch, k.groupOut()}, {5, 1},
                {1, 3}, {16, 8}};
            for (int[] split : splits) {
                double[] dw = new double[k.weight().length];
                java.util.Arrays.fill(dw, Double.NaN);
                Convolution.backwardWeight(k.gradOut(), k.x(), k.g(), k.outChannels(), k.groups(), dw, split[0],
                        split[1]);
                assertBitwiseEquals(expected, dw, "weight gradient " + k.g() + " blocks " + split[0] + " x " + split[1]);
            }
        }
    }

    /** Small integers: every partial sum is exact, so any order gives the plain loop's value. */
    @Test
    void biasGradientSumsOverImagesAndPixels() {
        Random random = new Random(SEED);
        int batch = 3;
        int outChannels = 5;
        int pixels = 37;
        double[] gradOut = KernelTesting.integers(random, batch * outChannels * pixels, -9, 10);
        double[] expected = new double[outChannels];
        for (int i = 0; i < gradOut.length; i++) {
            expected[i / pixels % outChannels] += gradOut[i];
        }
        double[] dBias = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 7.0};
        Convolution.backwardBias(gradOut, batch, outChannels, pixels, dBias);
        assertBitwiseEquals(expected, java.util.Arrays.copyOf(dBias, outChannels), "bias gradient");
        assertEquals(7.0, dBias[outChannels], "wrote past the channels");
    }

    @Test
    void resultsAreBitwiseIdenticalForOneTwoAndFourThreads() {
        Case k = Case.of(new Random(SEED), 6, 8, 24, 24, 12, 3, 3, 1, 1, 1, 1, true);
        long flops = 2L * 6 * 12 * 24 * 24 * 8 * 9;
        assertTrue(flops >= Parallel.MIN_PARALLEL_FLOPS, "the case must be big enough to run in parallel");
        double[][] one = Parallel.withThreads(1, () -> allThree(k));
        for (int threads : new int[] {2, 4}) {
            double[][] many = Parallel.withThreads(threads, () -> allThree(k));
            assertBitwiseEquals(one[0], many[0], "forward, " + threads + " threads");
            assertBitwiseEquals(one[1], many[1], "input gradient, " + threads + " threads");
            assertBitwiseEquals(one[2], many[2], "weight gradient, " + threads + " threads");
        }
    }

    private static double[][] allThree(Case k) {
        double[] out = new double[k.gradOut().length];
        double[] dx = new double[k.x().length];
        double[] dw = new double[k.weight().length];
        Convolution.forward(k.x(), k.weight(), k.bias(), k.g(), k.outChannels(), k.groups(), out);
        Convolution.backwardInput(k.gradOut(), k.weight(), k.g(), k.outChannels(), k.groups(), dx);
        Convolution.backwardWeight(k.gradOut(), k.x(), k.g(), k.outChannels(), k.groups(), dw);
        return new double[][] {out, dx, dw};
    }
}
