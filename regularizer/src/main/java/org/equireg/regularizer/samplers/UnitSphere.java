package org.equireg.regularizer.samplers;

import java.util.random.RandomGenerator;
import org.equireg.core.DType;
import org.equireg.core.Tensor;

/**
 * Independent points uniform on the unit sphere {@code |v| = 1} of R^d, d = one sample's size:
 * a standard normal vector divided by its Euclidean norm (Muller 1959; the normal law is
 * rotation invariant).
 */
final class UnitSphere implements Sampler {

    @Override
    public Tensor sample(int n, int[] shape, RandomGenerator random) {
        BatchShapes.checkSampleArguments(this, n, shape, random);
        Tensor points = Tensor.randn(random, DType.FLOAT64, BatchShapes.withBatch(n, shape));
        double[] values = points.buffer();
        int dimension = values.length / n;
        for (int s = 0; s < n; s++) {
            double squares = 0;
            for (int i = s * dimension; i < (s + 1) * dimension; i++) {
                squares += values[i] * values[i];
            }
            double norm = Math.sqrt(squares);
            for (int i = s * dimension; i < (s + 1) * dimension; i++) {
                values[i] /= norm;
            }
        }
        return points;
    }

    @Override
    public String toString() {
        return "unit sphere";
    }
}
