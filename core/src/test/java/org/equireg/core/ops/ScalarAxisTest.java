package org.equireg.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Axis ops on a 0-d tensor, as PyTorch 1.13: axis 0 and -1 name its one position and the result is
 * 0-d (the values and gradients are in the golden tests); other axes, and the ops PyTorch refuses
 * there (roll, slice, concat, permute with an axis, rot90, dim), throw. Also argmax, which has no gradient.
 */
class ScalarAxisTest {
    private static final Tensor SCALAR = Tensor.scalar(-2.5);

    @Test
    void argmaxOfAScalarIsZero() {
        for (int axis : new int[] {0, -1}) {
            Tensor index = SCALAR.argmax(axis);
            assertArrayEquals(new int[0], index.shape());
            assertEquals(0.0, index.item());
        }
    }

    @Test
    void everyAcceptedOpGivesA0dResult() {
        List<Function<Tensor, Tensor>> ops = List.of(x -> x.sum(0, true), x -> x.mean(-1, true), x -> x.max(0, false),
                x -> x.min(0, true), x -> x.logSumExp(-1, true), x -> x.norm(1, 0, true), x -> x.softmax(-1),
                x -> x.logSoftmax(0), x -> x.flip(-1), x -> x.squeeze(-1), x -> x.transpose(-1, 0),
                x -> x.indexSelect(-1, 0), x -> x.gather(-1, Tensor.scalar(0)));
        for (Function<Tensor, Tensor> op : ops) {
            assertArrayEquals(new int[0], op.apply(SCALAR).shape());
        }
    }

    @Test
    void otherAxesAndRefusedOpsThrowNamingTheOp() {
        assertMessage(() -> SCALAR.sum(1, false), "sum", "axis 1", "0-d");
        assertMessage(() -> SCALAR.norm(2, -2, false), "norm", "axis -2", "0-d");
        assertMessage(() -> SCALAR.transpose(0, 1), "transpose", "axis 1");
        assertMessage(() -> SCALAR.flip(0, 0), "flip");
        assertMessage(() -> SCALAR.indexSelect(0, 1), "indexSelect");
        assertMessage(() -> SCALAR.gather(0, Tensor.scalar(1)), "gather");
        assertMessage(() -> SCALAR.roll(1, 0), "roll", "rank 0");
        assertMessage(() -> SCALAR.slice(0, 0, 1), "slice", "rank 0");
        assertMessage(() -> Tensor.concat(0, SCALAR, SCALAR), "concat");
        assertMessage(() -> SCALAR.rot90(1, 0, -1), "rot90");
        assertMessage(() -> SCALAR.dim(0), "dim", "rank 0");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... fragments) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(error.getMessage().contains(fragment), "'" + fragment + "' missing from: " + error.getMessage());
        }
    }
}
