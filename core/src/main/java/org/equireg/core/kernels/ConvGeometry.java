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

    /** Output height: {@code floor((H + 2p - d (kH - 1) - 1) / s) + 1}. */
    public int outHeight() {
        // floorDiv: a window larger than the padded input has a negative numerator, which / would round up to 0.
        return Math.floorDiv(height + 2 * padding - dilation * (kernelHeight - 1) - 1, stride) + 1;
    }

    /** Output width: {@code floor((W + 2p - d (kW - 1) - 1) / s) + 1}. */
    public int outWidth() {
        return Math.floorDiv(width + 2 * padding - dilation * (kernelWidth - 1) - 1, stride) + 1;
    }
}
