package org.equireg.regularizer.transforms;

import java.util.Locale;
import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/**
 * The affine map {@code p -> A p + t} applied to images {@code (batch, ..., height, width)}, with
 * bilinear interpolation: {@code out(p) = in(A^-1 (p - t))}. Coordinates are in pixels about the
 * image centre {@code ((width - 1) / 2, (height - 1) / 2)}, x to the right and y up, so a rotation
 * {@code A = [[cos, -sin], [sin, cos]]} by a positive angle turns the picture counterclockwise as
 * displayed, and by 90 degrees agrees with {@code rot90} (up to rounding of sin and cos).
 *
 * <p>An element of the affine group acts on the plane, but resampling a finite grid loses what
 * leaves the window and blurs between pixels, so on images this is a semigroup action at best:
 * no inverse is offered. It equals PyTorch's
 * {@code grid_sample(x, affine_grid(theta, size, align_corners=False), mode="bilinear",
 * align_corners=False)} with {@code theta = [S F A^-1 F S^-1 | -S F A^-1 t]}, where
 * {@code F = diag(1, -1)} turns y down and {@code S = diag(2 / width, 2 / height)} normalises
 * (for a rotation of a square image, {@code theta = [[cos, -sin, 0], [sin, cos, 0]]}); the golden
 * tests check this on non-square images.
 */
final class AffineWarp implements Transform {
    private final double[] inverse; // A^-1 as {a, b, c, d}, row-major, acting on (x, y)
    private final double translationX;
    private final double translationY;
    private final Padding padding;
    private final String name;

    AffineWarp(double[][] matrix, double translationX, double translationY, Padding padding, String name) {
        if (!Double.isFinite(translationX) || !Double.isFinite(translationY)) {
            throw new IllegalArgumentException(name + ": the translation must be finite, got {" + translationX + ", "
                    + translationY + "}");
        }
        this.inverse = invert2x2(matrix, name);
        this.translationX = translationX;
        this.translationY = translationY;
        this.padding = Arguments.notNull(padding, name, "padding");
        this.name = name;
    }

    /**
     * A^-1, computed from A divided by its largest entry so that neither the determinant nor the
     * inverse overflows or underflows on its way: a scaling by 1e200 has the determinant 1e400, past
     * a double, but the inverse 1e-200 is fine.
     */
    private static double[] invert2x2(double[][] m, String name) {
        if (m.length != 2 || m[0] == null || m[1] == null || m[0].length != 2 || m[1].length != 2) {
            throw new IllegalArgumentException(name + ": needs a 2 x 2 matrix");
        }
        double largest = 0;
        for (double[] row : m) {
            for (double entry : row) {
                if (!Double.isFinite(entry)) {
                    throw new IllegalArgumentException(name + ": the matrix must be finite, got entry " + entry);
                }
                largest = Math.max(largest, Math.abs(entry));
            }
        }
        if (largest == 0) {
            throw new IllegalArgumentException(name + ": the matrix is singular (all entries 0)");
        }
        double a = m[0][0] / largest;
        double b = m[0][1] / largest;
        double c = m[1][0] / largest;
        double d = m[1][1] / largest;
        double determinant = a * d - b * c; // of A / largest, in [-2, 2]
        double[] inverse = {d / determinant / largest, -b / determinant / largest, -c / determinant / largest,
                a / determinant / largest};
        for (double entry : inverse) {
            if (!Double.isFinite(entry)) {
                throw new IllegalArgumentException(name + ": the matrix is singular or too close to it to invert"
                        + " (determinant " + determinant + " times " + largest + "^2)");
            }
        }
        return inverse;
    }

    @Override
    public Tensor apply(Tensor batch) {
        Axes.requireImages(name, batch);
        return BilinearSampling.apply(batch, plan(batch.dim(-2), batch.dim(-1)));
    }

    /** The resampling plan of this map on images of {@code height x width}, for one image or a whole batch. */
    BilinearSampling.Plan plan(int height, int width) {
        double centreRow = (height - 1) / 2.0;
        double centreColumn = (width - 1) / 2.0;
        return BilinearSampling.plan(height, width, height, width, padding, (i, j, position) -> {
            double x = j - centreColumn - translationX;
            double y = centreRow - i - translationY;
            double sourceX = inverse[0] * x + inverse[1] * y;
            double sourceY = inverse[2] * x + inverse[3] * y;
            position[0] = centreRow - sourceY;
            position[1] = centreColumn + sourceX;
        });
    }

    @Override
    public String toString() {
        return name + "(" + padding.name().toLowerCase(Locale.ROOT) + " padding)";
    }
}
