package org.equireg.nn;

import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/**
 * Mean over each kernel x kernel window of (batch, channels, height, width) input; padding counts
 * as zeros in the mean (PyTorch's {@code count_include_pad=True}). PyTorch: {@code torch.nn.AvgPool2d}.
 */
public final class AvgPool2d extends Module {
    private final PoolWindow window;

    /** Non-overlapping windows: stride = kernel, no padding. */
    public AvgPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    /** Windows of size {@code kernel} every {@code stride} pixels, zero padding. */
    public AvgPool2d(int kernel, int stride, int padding) {
        this.window = new PoolWindow("AvgPool2d", kernel, stride, padding);
    }

    @Override
    public Tensor forward(Tensor input) {
        Arguments.notNull(input, "AvgPool2d.forward", "input");
        return input.avgPool2d(window.kernel(), window.stride(), window.padding());
    }

    @Override
    protected String extraRepr() {
        return window.describe();
    }
}
