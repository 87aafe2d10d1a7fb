package org.equireg.regularizer.transforms;

import static org.equireg.regularizer.support.Assertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.SplittableRandom;
import org.equireg.core.GradCheck;
import org.equireg.core.Tensor;
import org.equireg.regularizer.support.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Transform} promises: batched (the batch axis kept, every sample treated alike),
 * the input not modified, deterministic, differentiable (finite differences), composition is
 * sequential application, and, exactly when it is a group element, an inverse with
 * {@code g^-1 g = g g^-1 = id}. A family's test supplies {@link #create()} and says whether it is
 * invertible.
 */
abstract class TransformContract {

    /** The transform under test. */
    abstract Transform create();

    /** Whether the transform is a group element with an inverse. */
    abstract boolean invertible();

    /** A batch it acts on; by default images (batch 3, channels 2, 5 x 5). */
    Tensor batch() {
        return Tensor.rand(new SplittableRandom(11), 3, 2, 5, 5);
    }

    @Test
    void keepsTheBatchAxisAndLeavesTheInputAlone() {
        Tensor x = batch();
        double[] before = x.toArray();
        Tensor out = create().apply(x);
        assertEquals(x.dim(0), out.dim(0), "batch axis");
        assertArrayEquals(before, x.buffer(), "the input was modified");
    }

    @Test
    void isDeterministic() {
        Tensor x = batch();
        assertArrayEquals(create().apply(x).toArray(), create().apply(x).toArray());
    }

    @Test
    void actsOnEverySampleAlike() {
        Tensor x = batch();
        Tensor whole = create().apply(x);
        for (int i = 0; i < x.dim(0); i++) {
            Tensor single = create().apply(x.slice(0, i, i + 1));
            assertArrayEquals(whole.slice(0, i, i + 1).toArray(), single.toArray(), "sample " + i);
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Transform transform = create();
        GradCheck.standard().check(inputs -> transform.apply(inputs[0]), batch());
    }

    @Test
    void composingIsApplyingInOrder() {
        Transform transform = create();
        Tensor x = batch();
        Tensor once = transform.apply(x);
        Tensor twice = transform.then(transform).apply(x);
        if (!java.util.Arrays.equals(once.shape(), x.shape())) {
            return; // a shape-changing map cannot act twice on the same kind of batch
        }
        assertArrayEquals(transform.apply(once).toArray(), twice.toArray(), "t.then(t) is t(t(x))");
        assertArrayEquals(once.toArray(), Transforms.identity().then(transform).apply(x).toArray(), "id.then(t) is t");
        assertArrayEquals(once.toArray(), transform.then(Transforms.identity()).apply(x).toArray(), "t.then(id) is t");
    }

    @Test
    void inverseUndoesItExactlyWhenAGroupElement() {
        Transform transform = create();
        Optional<Transform> inverse = transform.inverse();
        assertEquals(invertible(), inverse.isPresent(), "inverse present");
        if (inverse.isEmpty()) {
            return;
        }
        Tensor x = batch();
        assertClose(x, inverse.get().apply(transform.apply(x)), Tolerances.ROUNDING, "g^-1 g = id");
        assertClose(x, transform.then(inverse.get()).apply(x), Tolerances.ROUNDING, "g.then(g^-1) = id");
        Tensor y = transform.apply(x);
        assertClose(y, transform.apply(inverse.get().apply(y)), Tolerances.ROUNDING, "g g^-1 = id");
        Transform twice = transform.then(transform);
        assertClose(x, twice.inverse().orElseThrow().apply(twice.apply(x)), Tolerances.ROUNDING, "(g g)^-1 (g g) = id");
    }
}
