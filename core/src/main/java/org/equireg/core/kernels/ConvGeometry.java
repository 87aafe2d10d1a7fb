package org.equireg.core.kernels;

/**
 * Sizes of one 2-D convolution or pooling window sweep over (batch, channels, height, width).
 *
 * @param batch images
 * @param channels input channels
 * @param height input height
 * @param width input width
 * @param kernelHeight window height
 * @param kernelWidth window width
 * @param stride step between windows, both directions
 * @param padding implicit border, both directions
 * @param dilation spacing of window taps
 */
public record ConvGeometry(int batch, int channels, int height, int width, int kernelHeight, int kernelWidth,
                           int stride, int padding, int dilation) {

    /**
     * Checks that the output sizes fit an int, so every size below is computed without overflow.
     *
     * @throws IllegalArgumentException naming the geometry when an output size exceeds {@link Integer#MAX_VALUE}
     */
    public ConvGeometry {
        if (stride < 1) {
            throw new IllegalArgumentException("stride " + stride + " < 1");
        }
        long outHeight = outSize(height, kernelHeight, stride, padding, dilation);
        long outWidth = outSize(width, kernelWidth, stride, padding, dilation);
        if (outHeight > Integer.MAX_VALUE || outWidth > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("input " + height + "x" + width + " padded by " + padding
                    + " with kernel " + kernelHeight + "x" + kernelWidth + ", stride " + stride + " and dilation " + dilation
                    + " gives an output of " + outHeight + "x" + outWidth + ", more than an int holds (2^31 - 1)");
        }
    }

    /** Output height: {@code floor((H + 2p - d (kH - 1) - 1) / s) + 1}. */
    public int outHeight() {
        return (int) outSize(height, kernelHeight, stride, padding, dilation);
    }

    /** Output width: {@code floor((W + 2p - d (kW - 1) - 1) / s) + 1}. */
    public int outWidth() {
        return (int) outSize(width, kernelWidth, stride, padding, dilation);
    }

    // In long: H + 2p alone overflows an int for a padding of 1.5e9.
    private static long outSize(int size, int kernel, int stride, int padding, int dilation) {
        // floorDiv: a window larger than the padded input has a negative numerator, which / would round up to 0.
        return Math.floorDiv(size + 2L * padding - (long) dilation * (kernel - 1) - 1, stride) + 1;
    }
}
