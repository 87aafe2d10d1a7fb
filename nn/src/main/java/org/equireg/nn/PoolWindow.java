package org.equireg.nn;

/**
 * The window settings shared by the pooling layers, checked once here.
 *
 * @param layer the layer's name, for error messages
 * @param kernel window side
 * @param stride step between windows
 * @param padding implicit border, at most half the window
 */
record PoolWindow(String layer, int kernel, int stride, int padding) {

    PoolWindow {
        if (kernel < 1 || stride < 1 || padding < 0 || padding > kernel / 2) {
            throw new IllegalArgumentException(layer + ": needs kernel >= 1, stride >= 1 and 0 <= padding <= kernel / 2, got "
                    + "kernel = " + kernel + ", stride = " + stride + ", padding = " + padding);
        }
    }

    /** PyTorch's {@code extra_repr} of a pooling layer. */
    String describe() {
        return "kernel_size=" + kernel + ", stride=" + stride + ", padding=" + padding;
    }
}
