package org.equireg.core.kernels;

/**
 * Unfolding image patches into columns so a convolution becomes a matrix product, and the adjoint
 * folding (col2im) for the input gradient. Zero padding is implicit.
 */
public final class Im2Col {
    private Im2Col() {
    }

    /**
     * Writes the patches of {@code channels} channels of one image into
     * {@code columns[(c * kH + ky) * kW + kx][oy * outW + ox]}.
     *
     * @param image (channels, H, W) at {@code imageOffset}. Not modified.
     * @param columns (channels * kH * kW, outH * outW). Modified.
     */
    public static void unfold(double[] image, int imageOffset, int channels, ConvGeometry g, double[] columns) {
        int outH = g.outHeight();
        int outW = g.outWidth();
        int row = 0;
        for (int c = 0; c < channels; c++) {
            int plane = imageOffset + c * g.height() * g.width();
            for (int ky = 0; ky < g.kernelHeight(); ky++) {
                for (int kx = 0; kx < g.kernelWidth(); kx++, row++) {
                    int base = row * outH * outW;
                    for (int oy = 0; oy < outH; oy++) {
                        int y = oy * g.stride() - g.padding() + ky * g.dilation();
                        int rowBase = base + oy * outW;
                        if (y < 0 || y >= g.height()) {
                            java.util.Arrays.fill(columns, rowBase, rowBase + outW, 0.0);
                            continue;
                        }
                        for (int ox = 0; ox < outW; ox++) {
                            int x = ox * g.stride() - g.padding() + kx * g.dilation();
                            columns[rowBase + ox] = x >= 0 && x < g.width() ? image[plane + y * g.width() + x] : 0.0;
                        }
                    }
                }
            }
        }
    }

    /** The adjoint of {@link #unfold}: adds every column entry back to its pixel of {@code image}. Image modified. */
    public static void foldAdd(double[] columns, int channels, ConvGeometry g, double[] image, int imageOffset) {
        int outH = g.outHeight();
        int outW = g.outWidth();
        int row = 0;
        for (int c = 0; c < channels; c++) {
            int plane = imageOffset + c * g.height() * g.width();
            for (int ky = 0; ky < g.kernelHeight(); ky++) {
                for (int kx = 0; kx < g.kernelWidth(); kx++, row++) {
                    int base = row * outH * outW;
                    for (int oy = 0; oy < outH; oy++) {
                        int y = oy * g.stride() - g.padding() + ky * g.dilation();
                        if (y < 0 || y >= g.height()) {
                            continue;
                        }
                        for (int ox = 0; ox < outW; ox++) {
                            int x = ox * g.stride() - g.padding() + kx * g.dilation();
                            if (x >= 0 && x < g.width()) {
                                image[plane + y * g.width() + x] += columns[base + oy * outW + ox];
                            }
                        }
                    }
                }
            }
        }
    }
}
