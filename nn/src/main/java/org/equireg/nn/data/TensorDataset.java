package org.equireg.nn.data;

import java.util.Arrays;
import java.util.List;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Samples stored as rows of tensors that share their first dimension, like
 * {@code torch.utils.data.TensorDataset}: sample i is row i of each tensor (inputs, targets, ...).
 */
public final class TensorDataset {
    private final List<Tensor> tensors;
    private final int size;

    /** Rows of the given tensors (at least one, all of rank &gt;= 1 with the same first dimension); not copied. */
    public TensorDataset(Tensor... tensors) {
        if (tensors == null || tensors.length == 0) {
            throw new IllegalArgumentException("TensorDataset: needs at least one tensor");
        }
        for (int t = 0; t < tensors.length; t++) {
            if (tensors[t] == null) {
                throw new IllegalArgumentException("TensorDataset: tensor " + t + " is null");
            }
            if (tensors[t].rank() == 0) {
                throw new IllegalArgumentException("TensorDataset: tensor " + t + " is a scalar (shape []); every tensor"
                        + " needs a first dimension that counts the samples");
            }
            if (tensors[t].dim(0) != tensors[0].dim(0)) {
                throw new IllegalArgumentException("TensorDataset: every tensor needs the same first dimension; tensor "
                        + t + " has shape " + Shapes.str(tensors[t].shape()) + ", tensor 0 has "
                        + Shapes.str(tensors[0].shape()));
            }
        }
        this.tensors = List.of(tensors);
        this.size = tensors[0].dim(0);
    }

    /** Number of samples. */
    public int size() {
        return size;
    }

    /** The whole tensors, in order. */
    public List<Tensor> tensors() {
        return tensors;
    }

    /** Tensor {@code index} (0 for inputs, 1 for targets, say). */
    public Tensor tensor(int index) {
        if (index < 0 || index >= tensors.size()) {
            throw new IllegalArgumentException("TensorDataset.tensor: index " + index + " is out of range [0, "
                    + tensors.size() + ")");
        }
        return tensors.get(index);
    }

    /** The samples at {@code indices}, in that order, as a new dataset of copied rows. */
    public TensorDataset subset(int... indices) {
        for (int index : indices) {
            if (index < 0 || index >= size) {
                throw new IllegalArgumentException("TensorDataset.subset: index " + index + " is out of range [0, "
                        + size + ")");
            }
        }
        return new TensorDataset(tensors.stream().map(tensor -> tensor.detach().indexSelect(0, indices))
                .toArray(Tensor[]::new));
    }

    /** Samples {@code start} (inclusive) to {@code end} (exclusive). */
    public TensorDataset range(int start, int end) {
        if (start < 0 || end > size || start > end) {
            throw new IllegalArgumentException("TensorDataset.range: [" + start + ", " + end + ") is not within [0, "
                    + size + "]");
        }
        int[] indices = new int[end - start];
        Arrays.setAll(indices, i -> start + i);
        return subset(indices);
    }
}
