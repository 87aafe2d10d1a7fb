package org.equireg.regularizer.transforms;

import java.util.Arrays;
import java.util.Optional;
import org.equireg.core.Arguments;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * A linear representation acting on vectors along the last axis: {@code v -> M v} for every
 * vector, i.e. {@code out = x M^T} for {@code x (batch, ..., d)}. Rotation matrices of SO(2) and
 * SO(3), sign flips and permutation matrices are orthogonal: their inverse is the transpose,
 * exactly. Other invertible matrices get a numerically computed inverse (Gauss-Jordan with partial
 * pivoting); singular ones none (a semigroup element).
 */
final class LinearAction implements Transform {
    private final double[][] matrix;
    private final boolean orthogonal;
    private final String name;
    private final Tensor transposed; // M^T, (d, d)

    LinearAction(String name, double[][] matrix, boolean orthogonal) {
        int d = matrix.length;
        if (d == 0) {
            throw new IllegalArgumentException("Transforms." + name + ": needs a non-empty square matrix");
        }
        double[] values = new double[d * d];
        for (int i = 0; i < d; i++) {
            if (matrix[i].length != d) {
                throw new IllegalArgumentException("Transforms." + name + ": row " + i + " has " + matrix[i].length
                        + " entries, not " + d + " (the matrix must be square)");
            }
            for (int j = 0; j < d; j++) {
                values[j * d + i] = matrix[i][j];
            }
        }
        this.name = name;
        this.matrix = copy(matrix);
        this.orthogonal = orthogonal;
        this.transposed = Tensor.wrap(values, d, d);
    }

    private static double[][] copy(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }

    @Override
    public Tensor apply(Tensor batch) {
        if (Arguments.notNull(batch, name, "batch").rank() < 2 || batch.dim(-1) != matrix.length) {
            throw new IllegalArgumentException(name + ": acts on vectors of length " + matrix.length
                    + " along the last axis of (batch, ..., d), got shape " + Shapes.str(batch.shape()));
        }
        return batch.matmul(transposed.to(batch.dtype()));
    }

    @Override
    public Optional<Transform> inverse() {
        if (orthogonal) {
            double[][] transpose = new double[matrix.length][matrix.length];
            for (int i = 0; i < matrix.length; i++) {
                for (int j = 0; j < matrix.length; j++) {
                    transpose[i][j] = matrix[j][i];
                }
            }
            return Optional.of(new LinearAction(name + "^-1", transpose, true));
        }
        return invert(matrix).map(inverse -> new LinearAction(name + "^-1", inverse, false));
    }

    /** Gauss-Jordan elimination with partial pivoting; empty when a pivot vanishes. */
    private static Optional<double[][]> invert(double[][] matrix) {
        int d = matrix.length;
        double[][] left = copy(matrix);
        double[][] right = new double[d][d];
        for (int i = 0; i < d; i++) {
            right[i][i] = 1;
        }
        for (int column = 0; column < d; column++) {
            int pivot = column;
            for (int row = column + 1; row < d; row++) {
                if (Math.abs(left[row][column]) > Math.abs(left[pivot][column])) {
                    pivot = row;
                }
            }
            if (left[pivot][column] == 0) {
                return Optional.empty();
            }
            swapRows(left, right, column, pivot);
            double scale = left[column][column];
            for (int j = 0; j < d; j++) {
                left[column][j] /= scale;
                right[column][j] /= scale;
            }
            for (int row = 0; row < d; row++) {
                double factor = left[row][column];
                if (row != column && factor != 0) {
                    for (int j = 0; j < d; j++) {
                        left[row][j] -= factor * left[column][j];
                        right[row][j] -= factor * right[column][j];
                    }
                }
            }
        }
        return Optional.of(right);
    }

    private static void swapRows(double[][] left, double[][] right, int a, int b) {
        double[] held = left[a];
        left[a] = left[b];
        left[b] = held;
        held = right[a];
        right[a] = right[b];
        right[b] = held;
    }

    @Override
    public String toString() {
        return name + Arrays.deepToString(matrix);
    }
}
