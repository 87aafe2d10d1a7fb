package org.equireg.regularizer.samplers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Points taken in order from a stream of batches (a data loader): each call takes the next n rows,
 * pulling as many batches as needed and keeping the leftover rows for the next call. The supplier
 * decides the randomness (a shuffling loader); the generator is not used.
 */
final class BatchSampler implements Sampler {
    private final Supplier<Tensor> batches;
    private final List<Tensor> pending = new ArrayList<>();
    private int pendingRows;

    BatchSampler(Supplier<Tensor> batches) {
        this.batches = batches;
    }

    @Override
    public synchronized Tensor sample(int n, int[] shape, RandomGenerator random) {
        BatchShapes.checkSampleArguments(this, n, shape, random);
        while (pendingRows < n) {
            Tensor batch = batches.get();
            int[] rowShape = batch == null ? null : Arrays.copyOfRange(batch.shape(), 1, batch.rank());
            if (batch == null || batch.rank() < 1 || batch.dim(0) == 0 || !Arrays.equals(rowShape, shape)) {
                throw new IllegalArgumentException("Samplers.fromBatches: the supplier gave "
                        + (batch == null ? "null" : "a batch of shape " + Shapes.str(batch.shape()))
                        + "; needs non-empty batches (rows, " + Arrays.toString(shape).replaceAll("[\\[\\]]", "") + ")");
            }
            pending.add(batch.detach());
            pendingRows += batch.dim(0);
        }
        Tensor all = pending.size() == 1 ? pending.get(0) : Tensor.concat(0, pending.toArray(new Tensor[0]));
        pending.clear();
        pendingRows -= n;
        if (pendingRows > 0) {
            pending.add(all.slice(0, n, all.dim(0)).detach());
        }
        return all.slice(0, 0, n).detach();
    }

    @Override
    public String toString() {
        return "batches";
    }
}
