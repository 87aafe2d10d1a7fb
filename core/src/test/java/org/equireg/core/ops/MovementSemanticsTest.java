package org.equireg.core.ops;

import static org.equireg.core.ops.ForwardCase.expect;
import static org.equireg.core.ops.ForwardCase.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.stream.Stream;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forward values of the movement ops on small inputs, worked out by hand (and agreeing with
 * PyTorch 1.13: torch.rot90, torch.roll, torch.flip, F.pad, slicing, torch.gather,
 * torch.index_select, permute).
 */
class MovementSemanticsTest {

    /** {@code [[0, 1, 2], [3, 4, 5]]}. */
    private static final Tensor A = Tensor.arange(6).reshape(2, 3);
    private static final Tensor TEN = Tensor.arange(10);

    static Stream<ForwardCase> table() {
        return Stream.of(
                expect("rot90(1, 0, 1)", () -> A.rot90(1, 0, 1), shape(3, 2), 2, 5, 1, 4, 0, 3),
                expect("rot90(2, 0, 1)", () -> A.rot90(2, 0, 1), shape(2, 3), 5, 4, 3, 2, 1, 0),
                expect("rot90(3, 0, 1)", () -> A.rot90(3, 0, 1), shape(3, 2), 3, 0, 4, 1, 5, 2),
                expect("rot90(-1, 0, 1) is k = 3", () -> A.rot90(-1, 0, 1), shape(3, 2), 3, 0, 4, 1, 5, 2),
                expect("rot90(4, 0, 1) is the identity", () -> A.rot90(4, 0, 1), shape(2, 3), 0, 1, 2, 3, 4, 5),
                expect("rot90(5, 0, 1) is k = 1", () -> A.rot90(5, 0, 1), shape(3, 2), 2, 5, 1, 4, 0, 3),
                expect("rot90(1, 1, 0) turns the other way", () -> A.rot90(1, 1, 0), shape(3, 2), 3, 0, 4, 1, 5, 2),
                expect("rot90(1, -1, -3) of a [2, 3, 4] tensor, slice 1",
                        () -> Tensor.arange(24).reshape(2, 3, 4).rot90(1, -1, -3).slice(0, 1, 2),
                        shape(1, 3, 2), 13, 1, 17, 5, 21, 9),
                expect("roll(1, 1)", () -> A.roll(1, 1), shape(2, 3), 2, 0, 1, 5, 3, 4),
                expect("roll(1, 0)", () -> A.roll(1, 0), shape(2, 3), 3, 4, 5, 0, 1, 2),
                expect("roll(-4, -1)", () -> A.roll(-4, -1), shape(2, 3), 1, 2, 0, 4, 5, 3),
                expect("roll(MIN_VALUE, 1) is roll(1, 1), as -2^31 = 1 mod 3", () -> A.roll(Integer.MIN_VALUE, 1),
                        shape(2, 3), 2, 0, 1, 5, 3, 4),
                expect("roll(0, 1)", () -> A.roll(0, 1), shape(2, 3), 0, 1, 2, 3, 4, 5),
                expect("flip(0)", () -> A.flip(0), shape(2, 3), 3, 4, 5, 0, 1, 2),
                expect("flip(-1)", () -> A.flip(-1), shape(2, 3), 2, 1, 0, 5, 4, 3),
                expect("flip(0, 1)", () -> A.flip(0, 1), shape(2, 3), 5, 4, 3, 2, 1, 0),
                expect("pad({1, 2}, 0)", () -> A.pad(new int[] {1, 2}, 0), shape(2, 6),
                        0, 0, 1, 2, 0, 0, 0, 3, 4, 5, 0, 0),
                expect("pad({1, -1, -1, 0}, 9) crops", () -> A.pad(new int[] {1, -1, -1, 0}, 9), shape(1, 3), 9, 3, 4),
                expect("pad({0, 0, 1, 0}, -1)", () -> A.pad(new int[] {0, 0, 1, 0}, -1), shape(3, 3),
                        -1, -1, -1, 0, 1, 2, 3, 4, 5),
                expect("slice(1, -2, 3)", () -> A.slice(1, -2, 3), shape(2, 2), 1, 2, 4, 5),
                expect("slice(-1, 0, 3, 2)", () -> A.slice(-1, 0, 3, 2), shape(2, 2), 0, 2, 3, 5),
                expect("[-7:-1:3]", () -> TEN.slice(0, -7, -1, 3), shape(2), 3, 6),
                expect("[8:2] is empty", () -> TEN.slice(0, 8, 2), shape(0)),
                expect("[-100:100:4] clips", () -> TEN.slice(0, -100, 100, 4), shape(3), 0, 4, 8),
                expect("[2:10:MAX_VALUE]", () -> TEN.slice(0, 2, 10, Integer.MAX_VALUE), shape(1), 2),
                expect("gather(1, [[2, 0], [1, 1]])", () -> A.gather(1, Tensor.of(new double[] {2, 0, 1, 1}, 2, 2)),
                        shape(2, 2), 2, 0, 4, 4),
                expect("gather(0, [[1, 0, 1]])", () -> A.gather(0, Tensor.of(new double[] {1, 0, 1}, 1, 3)),
                        shape(1, 3), 3, 1, 5),
                expect("indexSelect(1, 2, 0, 2)", () -> A.indexSelect(1, 2, 0, 2), shape(2, 3), 2, 0, 2, 5, 3, 5),
                expect("indexSelect(-2, 1)", () -> A.indexSelect(-2, 1), shape(1, 3), 3, 4, 5),
                expect("permute(-1, 0, 1) of [1, 2, 3]", () -> A.reshape(1, 2, 3).permute(-1, 0, 1), shape(3, 1, 2),
                        0, 3, 1, 4, 2, 5),
                expect("transpose()", A::transpose, shape(3, 2), 0, 3, 1, 4, 2, 5),
                expect("broadcastTo(2, 2, 3) of [2, 1]", () -> Tensor.of(new double[] {7, 8}, 2, 1).broadcastTo(2, 2, 3),
                        shape(2, 2, 3), 7, 7, 7, 8, 8, 8, 7, 7, 7, 8, 8, 8),
                expect("concat(1, [2, 0], A, [2, 1])",
                        () -> Tensor.concat(1, Tensor.zeros(2, 0), A, Tensor.of(new double[] {9, 9}, 2, 1)),
                        shape(2, 4), 0, 1, 2, 9, 3, 4, 5, 9),
                expect("stack(-1, A, -A)", () -> Tensor.stack(-1, A, A.neg()), shape(2, 3, 2),
                        0, -0.0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5),
                expect("flatten(0, 1) of [2, 3, 1]", () -> A.reshape(2, 3, 1).flatten(0, 1), shape(6, 1), 0, 1, 2, 3, 4, 5),
                expect("squeeze(-1) then unsqueeze(0)", () -> A.reshape(2, 3, 1).squeeze(-1).unsqueeze(0),
                        shape(1, 2, 3), 0, 1, 2, 3, 4, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void forwardValuesMatchTheHandComputedOnes(ForwardCase row) {
        row.check();
    }

    /** As torch.rot90, whole turns give a new tensor: writing into it leaves the input alone. */
    @Test
    void wholeTurnsReturnANewTensor() {
        for (int k : new int[] {0, 4, -4}) {
            Tensor x = Tensor.of(new double[] {-0.0, 1, Double.NaN, 3}, 2, 2);
            Tensor turned = x.rot90(k, 0, 1);
            assertNotSame(x.buffer(), turned.buffer(), "k = " + k);
            assertArrayEquals(x.toArray(), turned.toArray(), "k = " + k); // bit for bit: -0.0 and NaN kept
            turned.buffer()[1] = 7;
            assertEquals(1.0, x.get(0, 1), "k = " + k);
        }
    }
}
