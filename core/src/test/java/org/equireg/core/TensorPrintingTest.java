package org.equireg.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Tensor#toString()}: shape and values, nested like PyTorch, abbreviated past 64 elements. */
class TensorPrintingTest {

    @Test
    void smallTensorsPrintEveryValue() {
        assertEquals("tensor(2.5, shape=[])", Tensor.scalar(2.5).toString());
        assertEquals("tensor([[1.0, 2.0], [3.0, 4.0]], shape=[2, 2])", Tensor.of(new double[] {1, 2, 3, 4}, 2, 2).toString());
        assertEquals("tensor([[[0.0], [1.0]]], shape=[1, 2, 1])", Tensor.arange(2).reshape(1, 2, 1).toString());
    }

    @Test
    void emptyTensorsPrintEmptyBrackets() {
        assertEquals("tensor([], shape=[0])", Tensor.zeros(0).toString());
        assertEquals("tensor([[], []], shape=[2, 0])", Tensor.zeros(2, 0).toString());
        assertEquals("tensor([], shape=[0, 3])", Tensor.zeros(0, 3).toString());
    }

    @Test
    void graphStateIsShown() {
        Tensor leaf = Tensor.of(new double[] {1, -2}, 2).requiresGrad(true);
        assertEquals("tensor([1.0, -2.0], shape=[2], requiresGrad=true)", leaf.toString());
        assertEquals("tensor([1.0, 4.0], shape=[2], op=mul)", leaf.mul(leaf).toString());
    }

    @Test
    void sixtyFourElementsAreStillPrintedInFull() {
        String text = Tensor.arange(64).toString();
        assertFalse(text.contains("..."), text);
        assertTrue(text.startsWith("tensor([0.0, 1.0, ") && text.endsWith(", 62.0, 63.0], shape=[64])"), text);
    }

    @Test
    void longAxesOfLargeTensorsKeepThreeValuesAtEachEnd() {
        assertEquals("tensor([0.0, 1.0, 2.0, ..., 97.0, 98.0, 99.0], shape=[100])", Tensor.arange(100).toString());
        String rows = "[[0.0, 1.0, 2.0, ..., 7.0, 8.0, 9.0], "
                + "[10.0, 11.0, 12.0, ..., 17.0, 18.0, 19.0], "
                + "[20.0, 21.0, 22.0, ..., 27.0, 28.0, 29.0], "
                + "..., "
                + "[70.0, 71.0, 72.0, ..., 77.0, 78.0, 79.0], "
                + "[80.0, 81.0, 82.0, ..., 87.0, 88.0, 89.0], "
                + "[90.0, 91.0, 92.0, ..., 97.0, 98.0, 99.0]]";
        assertEquals("tensor(" + rows + ", shape=[10, 10])", Tensor.arange(100).reshape(10, 10).toString());
    }

    @Test
    void shortAxesOfLargeTensorsAreNotAbbreviated() {
        String text = Tensor.arange(65).reshape(13, 5).toString();
        assertEquals("tensor([[0.0, 1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0, 9.0], [10.0, 11.0, 12.0, 13.0, 14.0], "
                + "..., [50.0, 51.0, 52.0, 53.0, 54.0], [55.0, 56.0, 57.0, 58.0, 59.0], [60.0, 61.0, 62.0, 63.0, 64.0]], "
                + "shape=[13, 5])", text);
    }
}
