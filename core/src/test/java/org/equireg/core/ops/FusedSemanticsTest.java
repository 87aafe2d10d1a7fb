package org.equireg.core.ops;

import static org.equireg.core.ops.ForwardCase.expect;
import static org.equireg.core.ops.ForwardCase.shape;

import java.util.stream.Stream;
import org.equireg.core.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forward values of matmul, conv2d and pooling on small integer inputs, worked out by hand (and
 * agreeing with PyTorch 1.13's torch.matmul, F.conv2d, F.max_pool2d, F.avg_pool2d); every sum is
 * exact in float64, so the comparison is exact.
 */
class FusedSemanticsTest {

    private static final Tensor A = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
    private static final Tensor B = Tensor.of(new double[] {5, 6, 7, 8}, 2, 2);
    private static final Tensor PAIR = Tensor.of(new double[] {1, 2}, 2);
    /** {@code [[0, 1, 2], [3, 4, 5], [6, 7, 8]]} as (1, 1, 3, 3). */
    private static final Tensor IMAGE3 = Tensor.arange(9).reshape(1, 1, 3, 3);
    /** {@code 0..15} as (1, 1, 4, 4). */
    private static final Tensor IMAGE4 = Tensor.arange(16).reshape(1, 1, 4, 4);
    private static final Tensor BOX = Tensor.ones(1, 1, 2, 2);

    static Stream<ForwardCase> table() {
        return Stream.of(
                expect("A @ B", () -> A.matmul(B), shape(2, 2), 19, 22, 43, 50),
                expect("[A, -A] @ B, batch broadcast", () -> Tensor.stack(0, A, A.neg()).matmul(B), shape(2, 2, 2),
                        19, 22, 43, 50, -19, -22, -43, -50),
                expect("vector @ matrix", () -> PAIR.matmul(B), shape(2), 19, 22),
                expect("matrix @ vector", () -> A.matmul(PAIR), shape(2), 5, 11),
                expect("vector @ vector", () -> PAIR.matmul(PAIR), shape(), 5),
                expect("conv2d 2x2 box", () -> IMAGE3.conv2d(BOX, null, 1, 0), shape(1, 1, 2, 2), 8, 12, 20, 24),
                expect("conv2d with bias", () -> IMAGE3.conv2d(BOX, Tensor.ones(1), 1, 0), shape(1, 1, 2, 2),
                        9, 13, 21, 25),
                expect("conv2d stride 2, padding 1", () -> IMAGE3.conv2d(BOX, null, 2, 1), shape(1, 1, 2, 2), 0, 3, 9, 24),
                expect("conv2d dilation 2", () -> IMAGE3.conv2d(BOX, null, 1, 0, 2, 1), shape(1, 1, 1, 1), 16),
                expect("conv2d two groups", () -> Tensor.arange(8).reshape(1, 2, 2, 2)
                        .conv2d(Tensor.of(new double[] {2, 3}, 2, 1, 1, 1), null, 1, 0, 1, 2), shape(1, 2, 2, 2),
                        0, 2, 4, 6, 12, 15, 18, 21),
                expect("maxPool2d(2, 2, 0)", () -> IMAGE4.maxPool2d(2, 2, 0), shape(1, 1, 2, 2), 5, 7, 13, 15),
                expect("maxPool2d(3, 2, 1) ignores the padding", () -> IMAGE4.neg().maxPool2d(3, 2, 1), shape(1, 1, 2, 2),
                        0, -1, -4, -5),
                expect("avgPool2d(2, 2, 0)", () -> IMAGE4.avgPool2d(2, 2, 0), shape(1, 1, 2, 2), 2.5, 4.5, 10.5, 12.5),
                expect("avgPool2d(3, 2, 1) counts the padding", () -> Tensor.ones(1, 1, 4, 4).avgPool2d(3, 2, 1),
                        shape(1, 1, 2, 2), 4.0 / 9, 6.0 / 9, 6.0 / 9, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void forwardValuesMatchTheHandComputedOnes(ForwardCase row) {
        row.check();
    }
}
