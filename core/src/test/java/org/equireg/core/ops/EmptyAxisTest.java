package org.equireg.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * softmax, logSoftmax and logSumExp along an axis of length 0, as PyTorch 1.13: an empty result for
 * the first two, -infinity (the log of an empty sum) for the last; gradients flow back as empty.
 */
class EmptyAxisTest {
    private static final Tensor EMPTY_ROWS = Tensor.zeros(2, 0);

    @Test
    void softmaxOfAnEmptyAxisIsEmpty() {
        Tensor x = EMPTY_ROWS.copy().requiresGrad(true);
        Tensor y = x.softmax(1);
        assertArrayEquals(new int[] {2, 0}, y.shape());
        y.sum().backward();
        assertArrayEquals(new int[] {2, 0}, x.grad().shape());
        assertArrayEquals(new int[] {2, 0}, EMPTY_ROWS.logSoftmax(-1).shape());
    }

    @Test
    void logSumExpOfAnEmptyAxisIsMinusInfinity() {
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY},
                EMPTY_ROWS.logSumExp(1, false).toArray());
        assertArrayEquals(new int[] {2, 1}, EMPTY_ROWS.logSumExp(1, true).shape());
        Tensor x = EMPTY_ROWS.copy().requiresGrad(true);
        x.logSumExp(1, false).sum().backward();
        assertEquals(0, x.grad().size());
    }

    @Test
    void aNonEmptyAxisOfAnEmptyTensorKeepsItsShape() {
        Tensor y = EMPTY_ROWS.softmax(0);
        assertArrayEquals(new int[] {2, 0}, y.shape());
        assertArrayEquals(new int[] {0}, EMPTY_ROWS.logSumExp(0, false).shape());
    }
}
