package org.equireg.regularizer.transforms;

import java.util.Arrays;
import java.util.Optional;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Reorders the entries along one axis: {@code out[..., i, ...] = x[..., permutation[i], ...]}. The
 * action of the symmetric group S_n on a set of n elements (the points of a point cloud) or on
 * channels. The inverse is the inverse permutation. PyTorch: {@code x.index_select(axis, permutation)}.
 */
final class IndexPermutation implements Transform {
    private final int axis;
    private final int[] permutation;
    private final String name;

    IndexPermutation(String name, int axis, int[] permutation) {
        Permutations.check("Transforms." + name, permutation);
        this.name = name;
        this.axis = axis;
        this.permutation = permutation.clone();
    }

    @Override
    public Tensor apply(Tensor batch) {
        int normalized = Axes.sampleAxis(name, axis, batch);
        if (batch.dim(normalized) != permutation.length) {
            throw new IllegalArgumentException(name + ": permutation " + Arrays.toString(permutation) + " of "
                    + permutation.length + " entries for axis " + axis + " of size " + batch.dim(normalized)
                    + " in shape " + Shapes.str(batch.shape()));
        }
        return batch.indexSelect(normalized, permutation);
    }

    @Override
    public Optional<Transform> inverse() {
        return Optional.of(new IndexPermutation(name, axis, Permutations.inverse(permutation)));
    }

    @Override
    public String toString() {
        return name + "(" + Arrays.toString(permutation) + ", axis=" + axis + ")";
    }
}
