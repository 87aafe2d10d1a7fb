package org.equireg.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AutogradTest {

    @Test
    void gradientOfAProductAccumulatesOverTwoBackwardCalls() {
        Tensor x = Tensor.of(new double[] {2, 3}, 2).requiresGrad(true);
        Tensor y = Tensor.of(new double[] {5, 7}, 2).requiresGrad(true);
        x.mul(y).sum().backward();
        assertArrayEquals(new double[] {5, 7}, x.grad().toArray());
        x.mul(y).sum().backward();
        assertArrayEquals(new double[] {10, 14}, x.grad().toArray());
        x.zeroGrad();
        assertNull(x.grad());
    }

    @Test
    void fanOutSumsGradients() {
        Tensor x = Tensor.scalar(3).requiresGrad(true);
        x.mul(x).add(x).backward();
        assertEquals(7.0, x.grad().item());
    }

    @Test
    void broadcastGradientIsSummedToTheInputShape() {
        Tensor matrix = Tensor.ones(3, 4).requiresGrad(true);
        Tensor row = Tensor.of(new double[] {1, 2, 3, 4}, 4).requiresGrad(true);
        matrix.mul(row).sum().backward();
        assertArrayEquals(new int[] {4}, row.grad().shape());
        assertArrayEquals(new double[] {3, 3, 3, 3}, row.grad().toArray());
    }

    @Test
    void secondBackwardThroughAReleasedGraphFailsClearly() {
        Tensor x = Tensor.scalar(2).requiresGrad(true);
        Tensor y = x.exp();
        y.backward();
        IllegalStateException error = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(error.getMessage().contains("retainGraph"), error.getMessage());
    }

    @Test
    void retainedGraphAllowsASecondBackward() {
        Tensor x = Tensor.scalar(2).requiresGrad(true);
        Tensor y = x.mul(x);
        y.backward(Tensor.scalar(1), true);
        y.backward(Tensor.scalar(1), true);
        assertEquals(8.0, x.grad().item());
    }

    @Test
    void noGradRecordsNothingAndIsThreadLocal() throws Exception {
        Tensor x = Tensor.scalar(2).requiresGrad(true);
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            assertFalse(x.mul(x).requiresGrad());
            boolean[] otherThread = new boolean[1];
            Thread thread = new Thread(() -> otherThread[0] = GradMode.isEnabled());
            thread.start();
            thread.join();
            assertTrue(otherThread[0]);
        }
        assertTrue(x.mul(x).requiresGrad());
    }

    @Test
    void aChainOfOneHundredThousandOpsBackpropagatesWithoutStackOverflow() {
        Tensor x = Tensor.scalar(1).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.add(1e-6);
        }
        y.backward();
        assertEquals(1.0, x.grad().item());
    }

    @Test
    void detachCutsTheGraph() {
        Tensor x = Tensor.scalar(2).requiresGrad(true);
        Tensor y = x.mul(x.detach());
        y.backward();
        assertEquals(2.0, x.grad().item());
    }

    @Test
    void nonScalarBackwardNeedsASeed() {
        Tensor x = Tensor.ones(2).requiresGrad(true);
        assertThrows(IllegalStateException.class, () -> x.mul(x).backward());
        x.mul(x).backward(Tensor.of(new double[] {1, 2}, 2));
        assertArrayEquals(new double[] {2, 4}, x.grad().toArray());
    }

    @Test
    void theGraphKeepsItsOwnCopyOfTheInputArray() {
        Tensor a = Tensor.ones(2).requiresGrad(true);
        Tensor b = Tensor.ones(3).requiresGrad(true);
        Tensor[] pieces = {a, b};
        Tensor joined = Tensor.concat(0, pieces);
        pieces[0] = Tensor.ones(5).requiresGrad(true); // the caller reuses its array
        joined.backward(Tensor.arange(5));
        assertArrayEquals(new double[] {0, 1}, a.grad().toArray());
        assertArrayEquals(new double[] {2, 3, 4}, b.grad().toArray());
        assertNull(pieces[0].grad());
    }

    @Test
    void gradCheckPassesOnAComposite() {
        Tensor a = Tensor.of(new double[] {0.3, -0.7, 1.1, 0.2, -0.4, 0.9}, 2, 3);
        Tensor b = Tensor.of(new double[] {0.5, -1.2, 0.8}, 3);
        GradCheck.standard().check(x -> x[0].mul(x[1]).tanh().logSoftmax(-1).sum(0, false), a, b);
    }

    @Test
    void gradCheckCatchesAWrongDerivative() {
        Tensor a = Tensor.of(new double[] {0.3, -0.7}, 2);
        assertThrows(GradCheckError.class, () -> GradCheck.standard().check(
                x -> Tensor.fromOp(TestOp.WRONG, x[0].exp().toArray(), x[0].shape(), (saved, g) -> new Tensor[] {g}, x[0]), a));
    }
}
