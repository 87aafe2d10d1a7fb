package org.equireg.nn.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.random.RandomGenerator;

/**
 * Batches of a {@link TensorDataset}, like {@code torch.utils.data.DataLoader}. Each
 * {@link #iterator()} is one epoch: with shuffling, a new permutation drawn from the loader's
 * generator (Fisher-Yates), so a seeded generator fixes every epoch's order; without, samples in
 * order. The last, smaller batch is kept unless {@code dropLast}.
 */
public final class DataLoader implements Iterable<Batch> {
    private final TensorDataset dataset;
    private final int batchSize;
    private final RandomGenerator random;
    private final boolean dropLast;

    /** Batches in dataset order, the last one possibly smaller. */
    public DataLoader(TensorDataset dataset, int batchSize) {
        this(dataset, batchSize, null, false);
    }

    /**
     * @param random the generator of the shuffles, or {@code null} for no shuffling
     * @param dropLast whether to skip a final batch smaller than {@code batchSize}
     */
    public DataLoader(TensorDataset dataset, int batchSize, RandomGenerator random, boolean dropLast) {
        if (dataset == null) {
            throw new IllegalArgumentException("DataLoader: dataset is null");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("DataLoader: needs batchSize >= 1, got " + batchSize);
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.random = random;
        this.dropLast = dropLast;
    }

    /** Number of batches per epoch. */
    public int batchesPerEpoch() {
        return dropLast ? dataset.size() / batchSize : (dataset.size() + batchSize - 1) / batchSize;
    }

    @Override
    public Iterator<Batch> iterator() {
        int[] order = new int[dataset.size()];
        Arrays.setAll(order, i -> i);
        if (random != null) {
            shuffleInPlace(order, random);
        }
        int batches = batchesPerEpoch();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("DataLoader: the epoch has " + batches + " batches");
                }
                int start = next++ * batchSize;
                int[] indices = Arrays.copyOfRange(order, start, Math.min(start + batchSize, order.length));
                return new Batch(dataset.tensors().stream().map(tensor -> tensor.detach().indexSelect(0, indices)).toList(),
                        indices);
            }
        };
    }

    /** Uniform random permutation of {@code values} (Modified.) by Fisher-Yates. */
    static void shuffleInPlace(int[] values, RandomGenerator random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** The dataset being batched. */
    public TensorDataset dataset() {
        return dataset;
    }
}
