package org.equireg.nn;

import org.equireg.core.Tensor;

/**
 * Maximum over each kernel x kernel window of (batch, channels, height, width) input; the gradient
 * goes to the first maximum of a window (row-major), as on PyTorch's CPU.
 * PyTorch: {@code torch.nn.MaxPool2d}.
 */
public final class MaxPool2d extends Module {
    private final int kernel;
    private final int stride;
    private final int padding;

    /** Non-overlapping windows: stride = kernel, no padding. */
    public MaxPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    /** Windows of size {@code kernel} every {@code stride} pixels; padding counts as -infinity. */
    public MaxPool2d(int kernel, int stride, int padding) {
        if (kernel < 1 || stride < 1 || padding < 0 || padding > kernel / 2) {
            throw new IllegalArgumentException("MaxPool2d: needs kernel >= 1, stride >= 1 and 0 <= padding <= kernel / 2, got "
                    + "kernel = " + kernel + ", stride = " + stride + ", padding = " + padding);
        }
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.maxPool2d(kernel, stride, padding);
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + kernel + ", stride=" + stride + ", padding=" + padding;
    }
}
