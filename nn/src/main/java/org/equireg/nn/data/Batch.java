package org.equireg.nn.data;

import java.util.List;
import org.equireg.core.Tensor;

/**
 * One batch from a {@link DataLoader}: the selected rows of each dataset tensor, in the dataset's
 * order, plus the sample indices they came from.
 *
 * @param tensors the rows of each tensor, e.g. (batch, features) inputs and (batch) labels
 * @param indices which samples of the dataset these are
 */
public record Batch(List<Tensor> tensors, int[] indices) {
    /** Copies the list and the indices. */
    public Batch {
        tensors = List.copyOf(tensors);
        indices = indices.clone();
    }

    /** Number of samples. */
    public int size() {
        return indices.length;
    }

    /** Tensor 0, conventionally the inputs. */
    public Tensor inputs() {
        return tensors.get(0);
    }

    /** Tensor 1, conventionally the targets. */
    public Tensor targets() {
        if (tensors.size() < 2) {
            throw new IllegalStateException("Batch.targets: the dataset has only one tensor");
        }
        return tensors.get(1);
    }

    /** The indices (a copy). */
    @Override
    public int[] indices() {
        return indices.clone();
    }
}
