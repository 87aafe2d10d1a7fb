package org.equireg.nn;

import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/**
 * Maximum over each kernel x kernel window of (batch, channels, height, width) input; the gradient
 * goes to the first maximum of a window (row-major), as on PyTorch's CPU.
 * PyTorch: {@code torch.nn.MaxPool2d}.
 */
public final class MaxPool2d extends Module {
    private final PoolWindow window;

    /** Non-overlapping windows: stride = kernel, no padding. */
    public MaxPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    /** Windows of size {@code kernel} every {@code stride} pixels; padding counts as -infinity. */
    public MaxPool2d(int kernel, int stride, int padding) {
        this.window = new PoolWindow("MaxPool2d", kernel, stride, padding);
    }

    @Override
    public Tensor forward(Tensor input) {
        Arguments.notNull(input, "MaxPool2d.forward", "input");
        return input.maxPool2d(window.kernel(), window.stride(), window.padding());
    }

    @Override
    protected String extraRepr() {
        return window.describe();
    }
}
