package org.equireg.regularizer.lie;

import java.util.Arrays;
import java.util.Locale;
import org.equireg.core.Arguments;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.regularizer.transforms.Padding;

/**
 * The generator of the affine warps {@code T_t = Transforms.affine(identity + t a, t b, padding)}:
 * the flow field {@code v(p) = a p + b} in the warp's coordinates (pixels about the centre, x right,
 * y up). To first order {@code T_t x (p) = x(p - t v(p))}; a sample point moves by
 * {@code -v_x} columns and {@code +v_y} rows per unit t, and the tangent is the central difference
 * along each image axis times that speed (see {@link LieGenerator} for why central).
 */
final class ImageFlow implements LieGenerator {
    private final String name;
    private final double[][] a;
    private final double[] b;
    private final Padding padding;

    ImageFlow(String name, double[][] a, double[] b, Padding padding) {
        this.name = name;
        this.a = copy2x2(Arguments.notNull(a, "LieGenerator." + name, "a"));
        this.b = Arguments.notNull(b, "LieGenerator." + name, "b").clone();
        if (this.b.length != 2) {
            throw new IllegalArgumentException("LieGenerator." + name + ": b needs 2 entries {x, y}, got " + b.length);
        }
        requireFinite(name, "b[0]", this.b[0]);
        requireFinite(name, "b[1]", this.b[1]);
        this.padding = Arguments.notNull(padding, "LieGenerator." + name, "padding");
    }

    private double[][] copy2x2(double[][] matrix) {
        if (matrix.length != 2 || matrix[0] == null || matrix[1] == null || matrix[0].length != 2
                || matrix[1].length != 2) {
            throw new IllegalArgumentException("LieGenerator." + name + ": a must be 2 x 2, got "
                    + Arrays.deepToString(matrix));
        }
        for (int row = 0; row < 2; row++) {
            for (int column = 0; column < 2; column++) {
                requireFinite(name, "a[" + row + "][" + column + "]", matrix[row][column]);
            }
        }
        return new double[][] {matrix[0].clone(), matrix[1].clone()};
    }

    static void requireFinite(String generator, String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("LieGenerator." + generator + ": " + what + " must be finite, got " + value);
        }
    }

    /**
     * The same family on a feature map of {@code height x width} computed from images of
     * {@code imageHeight x imageWidth}: pixel coordinates scale by {@code S = diag(width / imageWidth,
     * height / imageHeight)}, so the flow becomes {@code S a S^-1 p + S b}. Rotation, scale, shear
     * and stretch stay as they are on a uniformly downsampled map; a translation by one image pixel
     * becomes one of half a pixel after a stride-2 pooling.
     */
    ImageFlow resized(int imageHeight, int imageWidth, int height, int width) {
        double sx = (double) width / imageWidth;
        double sy = (double) height / imageHeight;
        double[][] resizedA = {{a[0][0], a[0][1] * sx / sy}, {a[1][0] * sy / sx, a[1][1]}};
        return new ImageFlow(name, resizedA, new double[] {b[0] * sx, b[1] * sy}, padding);
    }

    @Override
    public Tensor tangent(Tensor images) {
        Arguments.notNull(images, "LieGenerator." + name + ".tangent", "images");
        if (images.rank() < 3) {
            throw new IllegalArgumentException("LieGenerator." + name + ".tangent: needs images (batch, ..., height, width),"
                    + " got shape " + Shapes.str(images.shape()));
        }
        int height = images.dim(-2);
        int width = images.dim(-1);
        double centreRow = (height - 1) / 2.0;
        double centreColumn = (width - 1) / 2.0;
        double[] rowSpeed = new double[height * width];    // d(source row)/dt = v_y
        double[] columnSpeed = new double[height * width]; // d(source column)/dt = -v_x
        boolean rowsMove = false;
        boolean columnsMove = false;
        for (int i = 0; i < height; i++) {
            double y = centreRow - i;
            for (int j = 0; j < width; j++) {
                double x = j - centreColumn;
                rowSpeed[i * width + j] = a[1][0] * x + a[1][1] * y + b[1];
                columnSpeed[i * width + j] = -(a[0][0] * x + a[0][1] * y + b[0]);
                rowsMove |= rowSpeed[i * width + j] != 0;
                columnsMove |= columnSpeed[i * width + j] != 0;
            }
        }
        if (!rowsMove && !columnsMove) {
            return images.mul(0.0); // the zero flow
        }
        // Both central differences at once, as a convolution of every (height, width) plane with zeros
        // outside: one fast pass where padding and slicing would gather element by element. Channel c
        // of the kernel is the difference along one moving axis; the speeds weight them per pixel.
        int moving = (rowsMove ? 1 : 0) + (columnsMove ? 1 : 0);
        double[] kernel = new double[moving * 9];
        double[] speeds = new double[moving * height * width];
        int channel = 0;
        if (rowsMove) {
            kernel[channel * 9 + 7] = 0.5;  // x[i + 1, j]
            kernel[channel * 9 + 1] = -0.5; // x[i - 1, j]
            System.arraycopy(rowSpeed, 0, speeds, channel++ * height * width, height * width);
        }
        if (columnsMove) {
            kernel[channel * 9 + 5] = 0.5;  // x[i, j + 1]
            kernel[channel * 9 + 3] = -0.5; // x[i, j - 1]
            System.arraycopy(columnSpeed, 0, speeds, channel * height * width, height * width);
        }
        Tensor planes = images.reshape(-1, 1, height, width);
        Tensor differences = planes.conv2d(Tensor.wrap(kernel, moving, 1, 3, 3).to(images.dtype()), null, 1, 1);
        Tensor tangent = differences.mul(Tensor.wrap(speeds, moving, height, width).to(images.dtype()));
        tangent = moving == 1 ? tangent.reshape(images.shape()) : tangent.sum(1, false).reshape(images.shape());
        if (padding != Padding.ZEROS) {
            tangent = tangent.add(images.mul(edgeCorrection(rowSpeed, columnSpeed, height, width, images)));
        }
        return tangent;
    }

    /**
     * With the edge pixel repeated outside, the difference at the first row is {@code (x[1] - x[0]) / 2}
     * where zeros outside give {@code x[1] / 2}, and at the last row {@code (x[h-1] - x[h-2]) / 2} for
     * {@code -x[h-2] / 2}: the edge rule is the zeros rule plus {@code -x / 2} on the first and
     * {@code +x / 2} on the last row (columns alike), times the speeds. This is that field.
     */
    private static Tensor edgeCorrection(double[] rowSpeed, double[] columnSpeed, int height, int width, Tensor images) {
        double[] field = new double[height * width];
        for (int i = 0; i < height; i++) {
            for (int j = 0; j < width; j++) {
                double rows = (i == height - 1 ? 0.5 : 0) - (i == 0 ? 0.5 : 0);
                double columns = (j == width - 1 ? 0.5 : 0) - (j == 0 ? 0.5 : 0);
                field[i * width + j] = rowSpeed[i * width + j] * rows + columnSpeed[i * width + j] * columns;
            }
        }
        return Tensor.wrap(field, height, width).to(images.dtype());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s generator (a %s, b %s, %s padding)", name, Arrays.deepToString(a),
                Arrays.toString(b), padding.name().toLowerCase(Locale.ROOT));
    }
}
