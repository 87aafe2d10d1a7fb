package org.equireg.nn;

import org.equireg.core.Arguments;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Average pooling of (batch, channels, height, width) input to a fixed (outHeight, outWidth):
 * output row i averages input rows {@code floor(i H / outH)} to {@code ceil((i + 1) H / outH) - 1},
 * likewise the columns, so windows may overlap or differ in size by one, as in PyTorch.
 * Computed as {@code R x C^T} with averaging matrices R (outH, H) and C (outW, W).
 * PyTorch: {@code torch.nn.AdaptiveAvgPool2d}.
 */
public final class AdaptiveAvgPool2d extends Module {
    private final int outHeight;
    private final int outWidth;

    /** A square output of {@code size x size}. */
    public AdaptiveAvgPool2d(int size) {
        this(size, size);
    }

    /** An output of {@code outHeight x outWidth}. */
    public AdaptiveAvgPool2d(int outHeight, int outWidth) {
        if (outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException("AdaptiveAvgPool2d: needs an output size >= 1, got " + outHeight + " x "
                    + outWidth);
        }
        this.outHeight = outHeight;
        this.outWidth = outWidth;
    }

    @Override
    public Tensor forward(Tensor input) {
        Arguments.notNull(input, "AdaptiveAvgPool2d.forward", "input");
        if (input.rank() != 4) {
            throw new IllegalArgumentException("AdaptiveAvgPool2d: needs input (batch, channels, height, width), got shape "
                    + Shapes.str(input.shape()));
        }
        Tensor rows = averagingMatrix(outHeight, input.dim(2)).to(input.dtype());       // (outH, H)
        Tensor columns = averagingMatrix(outWidth, input.dim(3)).to(input.dtype());     // (outW, W)
        return rows.matmul(input).matmul(columns.transpose());     // (batch, channels, outH, outW)
    }

    /** Row i holds 1 / windowLength over input positions floor(i n / m) .. ceil((i + 1) n / m) - 1. */
    private static Tensor averagingMatrix(int outSize, int inSize) {
        double[] weights = new double[outSize * inSize];
        for (int i = 0; i < outSize; i++) {
            int start = Math.floorDiv(i * inSize, outSize);
            int end = -Math.floorDiv(-(i + 1) * inSize, outSize);
            for (int j = start; j < end; j++) {
                weights[i * inSize + j] = 1.0 / (end - start);
            }
        }
        return Tensor.wrap(weights, outSize, inSize);
    }

    @Override
    protected String extraRepr() {
        return "output_size=(" + outHeight + ", " + outWidth + ")";
    }
}
