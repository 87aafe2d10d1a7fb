package org.equireg.core.ops;

import org.equireg.core.Shapes;
import org.equireg.core.kernels.ConvGeometry;

/** Argument checks shared by the pooling ops. */
final class Pooling {
    private Pooling() {
    }

    static ConvGeometry geometry(String op, int[] shape, int kernel, int stride, int padding) {
        if (shape.length != 4) {
            throw new IllegalArgumentException(op + ": needs input (N, C, H, W), got " + Shapes.str(shape));
        }
        if (kernel < 1 || stride < 1 || padding < 0 || padding > kernel / 2) {
            throw new IllegalArgumentException(op + ": needs kernel >= 1, stride >= 1 and 0 <= padding <= kernel / 2, got "
                    + "kernel = " + kernel + ", stride = " + stride + ", padding = " + padding);
        }
        ConvGeometry g;
        try {
            g = new ConvGeometry(shape[0], shape[1], shape[2], shape[3], kernel, kernel, stride, padding, 1);
        } catch (IllegalArgumentException tooLarge) {
            throw new IllegalArgumentException(op + ": " + tooLarge.getMessage(), tooLarge);
        }
        if (g.outHeight() < 1 || g.outWidth() < 1) {
            throw new IllegalArgumentException(op + ": kernel " + kernel + " with stride " + stride + " does not fit input "
                    + Shapes.str(shape) + " padded by " + padding + " (output " + g.outHeight() + "x" + g.outWidth() + ")");
        }
        return g;
    }
}
