package org.equireg.regularizer.samplers;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/** Rows of a data set {@code (rows, ...shape)} drawn uniformly with replacement: the empirical distribution. */
final class DataSampler implements Sampler {
    private final Tensor data;

    DataSampler(Tensor data) {
        if (data.rank() < 1 || data.dim(0) < 1) {
            throw new IllegalArgumentException("Samplers.fromData: needs a non-empty data set (rows, ...), got shape "
                    + Shapes.str(data.shape()));
        }
        this.data = data.detach();
    }

    @Override
    public void check(int[] shape) {
        int[] rowShape = Arrays.copyOfRange(data.shape(), 1, data.rank());
        if (!Arrays.equals(rowShape, shape)) {
            throw new IllegalArgumentException("Samplers.fromData: rows of shape " + Shapes.str(rowShape)
                    + " do not match the input shape " + Shapes.str(shape));
        }
    }

    @Override
    public Tensor sample(int n, int[] shape, RandomGenerator random) {
        BatchShapes.checkSampleArguments(this, n, shape, random);
        check(shape);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = random.nextInt(data.dim(0));
        }
        return data.indexSelect(0, rows);
    }

    @Override
    public String toString() {
        return "data(" + data.dim(0) + " rows)";
    }
}
