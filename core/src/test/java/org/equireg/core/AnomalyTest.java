package org.equireg.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnomalyTest {

    @Test
    void offByDefaultSoNaNFlowsThrough() {
        assertFalse(Anomaly.isEnabled());
        Tensor x = Tensor.of(new double[] {-1.0}, 1).requiresGrad(true);
        Tensor y = x.log().sum();
        assertTrue(Double.isNaN(y.item()));
    }

    @Test
    void forwardNaNNamesTheOp() {
        Tensor x = Tensor.of(new double[] {1.0, -1.0}, 2).requiresGrad(true);
        try (Anomaly.Scope ignored = Anomaly.detect()) {
            ArithmeticException error = assertThrows(ArithmeticException.class, x::sqrt);
            assertTrue(error.getMessage().contains("'sqrt'"), error.getMessage());
            assertTrue(error.getMessage().contains("flat index 1"), error.getMessage());
        }
        assertFalse(Anomaly.isEnabled());
    }

    @Test
    void backwardInfinityNamesTheOpAndWhereItWasCreated() {
        Tensor x = Tensor.of(new double[] {0.0, 4.0}, 2).requiresGrad(true);
        try (Anomaly.Scope ignored = Anomaly.detect()) {
            Tensor y = x.sqrt().sum();
            ArithmeticException error = assertThrows(ArithmeticException.class, y::backward);
            assertTrue(error.getMessage().contains("backward of op 'sqrt'"), error.getMessage());
            assertNotNull(error.getCause());
            StackTraceElement[] created = error.getCause().getStackTrace();
            boolean mentionsThisTest = false;
            for (StackTraceElement frame : created) {
                mentionsThisTest |= frame.getMethodName().equals("backwardInfinityNamesTheOpAndWhereItWasCreated");
            }
            assertTrue(mentionsThisTest, "creation site should include the test method");
        }
    }

    @Test
    void scopeIsPerThread() throws Exception {
        try (Anomaly.Scope ignored = Anomaly.detect()) {
            boolean[] seen = new boolean[1];
            Thread other = new Thread(() -> seen[0] = Anomaly.isEnabled());
            other.start();
            other.join();
            assertFalse(seen[0]);
            assertTrue(Anomaly.isEnabled());
        }
    }

    @Test
    void finiteComputationIsUnchangedUnderDetection() {
        Tensor x = Tensor.of(new double[] {0.5, 2.0}, 2).requiresGrad(true);
        try (Anomaly.Scope ignored = Anomaly.detect()) {
            x.log().mul(x).sum().backward();
        }
        assertEquals(Math.log(0.5) + 1, x.grad().get(0), 1e-15);
    }
}
