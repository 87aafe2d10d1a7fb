package org.equireg.core.kernels;

import java.util.Arrays;

/**
 * Unfolding image patches so that a convolution becomes a matrix product (im2col, Chellapilla et
 * al., "High Performance Convolutional Neural Networks for Document Processing", 2006), and the
 * adjoint folding (col2im) for the input gradient. Zero padding is implicit.
 *
 * <p>Patch row {@code q = (c * kH + ky) * kW + kx} and output pixel {@code pixel = oy * outW + ox}
 * index the unfolded matrix; its entry is {@code image[c][oy * s - p + ky * d][ox * s - p + kx * d]},
 * or 0 where that falls in the padding.
 */
public final class Im2Col {
    private Im2Col() {
    }

    /**
     * Writes the patches of {@code channels} channels of one image as a (patch, pixels) matrix:
     * {@code columns[(c * kH + ky) * kW + kx][oy * outW + ox]}.
     *
     * @param image (channels, H, W) at {@code imageOffset}. Not modified.
     * @param columns (channels * kH * kW, outH * outW) from index 0. Modified.
     */
    public static void unfold(double[] image, int imageOffset, int channels, ConvGeometry g, double[] columns) {
        unfold(image, imageOffset, g, 0, channels * g.kernelHeight() * g.kernelWidth(), columns);
    }

    /**
     * Writes rows [firstTap, firstTap + taps) of the (patch, pixels) matrix of {@link #unfold}:
     * {@code columns[q - firstTap][oy * outW + ox]} for {@code q = (c * kH + ky) * kW + kx}.
     *
     * @param image (C, H, W) at {@code imageOffset}, with {@code firstTap + taps <= C * kH * kW}. Not modified.
     * @param columns (taps, outH * outW) from index 0. Modified.
     */
    public static void unfold(double[] image, int imageOffset, ConvGeometry g, int firstTap, int taps,
                              double[] columns) {
        int outH = g.outHeight();
        int outW = g.outWidth();
        int taps2d = g.kernelHeight() * g.kernelWidth();
        for (int q = firstTap; q < firstTap + taps; q++) {
            int ky = q % taps2d / g.kernelWidth();
            int shift = q % g.kernelWidth() * g.dilation() - g.padding();
            int plane = imageOffset + q / taps2d * g.height() * g.width();
            int first = firstInside(shift, g.stride(), g.width(), outW);
            int end = endInside(shift, g.stride(), g.width(), outW);
            for (int oy = 0; oy < outH; oy++) {
                int y = oy * g.stride() - g.padding() + ky * g.dilation();
                int row = ((q - firstTap) * outH + oy) * outW;
                if (y < 0 || y >= g.height()) {
                    Arrays.fill(columns, row, row + outW, 0.0);
                    continue;
                }
                int source = plane + y * g.width() + shift;
                Arrays.fill(columns, row, row + first, 0.0);
                if (g.stride() == 1) {
                    System.arraycopy(image, source + first, columns, row + first, end - first);
                } else {
                    for (int ox = first; ox < end; ox++) {
                        columns[row + ox] = image[source + ox * g.stride()];
                    }
                }
                Arrays.fill(columns, row + end, row + outW, 0.0);
            }
        }
    }

    /**
     * The adjoint of {@link #unfold}: adds every entry
     * of the (patch, pixels) matrix {@code columns} back to its pixel of {@code image}.
     *
     * @param columns (channels * kH * kW, outH * outW) from index 0. Not modified.
     * @param image (channels, H, W) at {@code imageOffset}. Modified.
     */
    public static void foldAdd(double[] columns, int channels, ConvGeometry g, double[] image, int imageOffset) {
        int outH = g.outHeight();
        int outW = g.outWidth();
        int q = 0;
        for (int c = 0; c < channels; c++) {
            int plane = imageOffset + c * g.height() * g.width();
            for (int ky = 0; ky < g.kernelHeight(); ky++) {
                for (int kx = 0; kx < g.kernelWidth(); kx++, q++) {
                    int shift = kx * g.dilation() - g.padding();
                    int first = firstInside(shift, g.stride(), g.width(), outW);
                    int end = endInside(shift, g.stride(), g.width(), outW);
                    for (int oy = 0; oy < outH; oy++) {
                        int y = oy * g.stride() - g.padding() + ky * g.dilation();
                        if (y < 0 || y >= g.height()) {
                            continue;
                        }
                        int row = (q * outH + oy) * outW;
                        int target = plane + y * g.width() + shift;
                        for (int ox = first; ox < end; ox++) {
                            image[target + ox * g.stride()] += columns[row + ox];
                        }
                    }
                }
            }
        }
    }

    /** The first ox with {@code 0 <= ox * stride + shift}, clamped to [0, outW]. */
    private static int firstInside(int shift, int stride, int width, int outW) {
        int first = shift >= 0 ? 0 : (-shift + stride - 1) / stride;
        return Math.min(first, outW);
    }

    /** One past the last ox with {@code ox * stride + shift < width}, clamped to [first, outW]. */
    private static int endInside(int shift, int stride, int width, int outW) {
        int end = width - shift <= 0 ? 0 : (width - shift - 1) / stride + 1;
        return Math.max(Math.min(end, outW), firstInside(shift, stride, width, outW));
    }
}
