package org.equireg.regularizer.samplers;

import java.util.random.RandomGenerator;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Uniform points in the box {@code [low, high]} with per-element bounds broadcast to the input
 * shape: {@code v = low + (high - low) * u}, u uniform on [0, 1)^d. The reference package's
 * {@code bounds}. A quasi-random {@link UnitCube} (scrambled Halton) can replace the uniform u.
 */
final class Box implements Sampler {
    private final Tensor low;
    private final Tensor high;
    private final UnitCube cube;

    Box(Tensor low, Tensor high, UnitCube cube) {
        this.low = low.detach();
        this.high = high.detach();
        this.cube = cube;
    }

    /** A way to fill the unit cube [0, 1)^d with n points. */
    interface UnitCube {
        /** {@code n x d} values, point after point. */
        double[] points(int n, int dimension, RandomGenerator random);

        /** True when the points are independent draws. */
        boolean independent();
    }

    @Override
    public void check(int[] shape) {
        lowerAndUpper(shape);
    }

    /** {@code low} and {@code high} broadcast to {@code shape}, checked. */
    private double[][] lowerAndUpper(int[] shape) {
        for (Tensor bound : new Tensor[] {low, high}) {
            if (!Shapes.broadcastsTo(bound.shape(), shape)) {
                throw new IllegalArgumentException("box sampler: bounds of shape " + Shapes.str(bound.shape())
                        + " do not broadcast to the input shape " + Shapes.str(shape));
            }
        }
        double[] lower = low.broadcastTo(shape).toArray();
        double[] upper = high.broadcastTo(shape).toArray();
        for (int i = 0; i < lower.length; i++) {
            if (!(lower[i] <= upper[i])) {
                throw new IllegalArgumentException("box sampler: element " + i + " has low " + lower[i] + " above high "
                        + upper[i] + " (or a NaN bound)");
            }
            // a draw is low + (high - low) u: an infinite bound or width would give infinities and NaN
            if (!Double.isFinite(upper[i] - lower[i])) {
                throw new IllegalArgumentException("box sampler: element " + i + " has bounds [" + lower[i] + ", " + upper[i]
                        + "], whose width is not a finite number");
            }
        }
        return new double[][] {lower, upper};
    }

    @Override
    public Tensor sample(int n, int[] shape, RandomGenerator random) {
        BatchShapes.checkSampleArguments(this, n, shape, random);
        double[][] bounds = lowerAndUpper(shape);
        int dimension = bounds[0].length;
        double[] values = cube.points(n, dimension, random);
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < dimension; i++) {
                int flat = s * dimension + i;
                values[flat] = bounds[0][i] + (bounds[1][i] - bounds[0][i]) * values[flat];
            }
        }
        return Tensor.wrap(values, BatchShapes.withBatch(n, shape));
    }

    @Override
    public boolean independentSamples() {
        return cube.independent();
    }

    /** Independent uniform points: plain Monte Carlo. */
    static final class IndependentCube implements UnitCube {
        @Override
        public double[] points(int n, int dimension, RandomGenerator random) {
            double[] values = new double[n * dimension];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextDouble();
            }
            return values;
        }

        @Override
        public boolean independent() {
            return true;
        }

        @Override
        public String toString() {
            return "box";
        }
    }

    @Override
    public String toString() {
        String bounds = low.size() == 1 && high.size() == 1 ? "[" + low.item() + ", " + high.item() + "]"
                : "[low " + Shapes.str(low.shape()) + ", high " + Shapes.str(high.shape()) + "]";
        return cube + bounds;
    }
}
