package org.equireg.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Runs every body of the dtype kernel suites once per parameter and checks that the float32 run gives
 * the float64 run's numbers to float32 accuracy; no timing.
 */
class KernelBenchmarkTest {
    /** Relative agreement of float32 with float64 results on these sums (up to 6272 terms in [-1, 1)). */
    private static final double FLOAT32_TOLERANCE = 2e-3;

    private static void assertAgree(Object float64, Object float32, String what) {
        double[] expected = (double[]) float64;
        float[] actual = (float[]) float32;
        assertEquals(expected.length, actual.length, what);
        double scale = 0;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(scale > 0 && worst <= FLOAT32_TOLERANCE * scale, what + ": differs by " + worst + " of " + scale);
    }

    @Test
    void gemmBodiesAgreeAcrossDtypes() {
        for (String shape : new String[] {"64x256x256", "16x144x1024"}) {
            GemmKernelBenchmark float64 = new GemmKernelBenchmark();
            GemmKernelBenchmark float32 = new GemmKernelBenchmark();
            float64.shape = shape;
            float32.shape = shape;
            float64.dtype = "float64";
            float32.dtype = "float32";
            float64.setUp();
            float32.setUp();
            assertAgree(float64.gemm(), float32.gemm(), "gemm " + shape);
            assertAgree(float64.gemmTransposedB(), float32.gemmTransposedB(), "gemmTransposedB " + shape);
        }
    }

    @Test
    void convolutionBodiesAgreeAcrossDtypes() {
        ConvKernelBenchmark float64 = new ConvKernelBenchmark();
        ConvKernelBenchmark float32 = new ConvKernelBenchmark();
        float64.layer = "16x16x32x32x16";
        float32.layer = "16x16x32x32x16";
        float64.dtype = "float64";
        float32.dtype = "float32";
        float64.setUp();
        float32.setUp();
        assertAgree(float64.forward(), float32.forward(), "forward");
        assertAgree(float64.backwardInput(), float32.backwardInput(), "backwardInput");
        assertAgree(float64.backwardWeight(), float32.backwardWeight(), "backwardWeight");
    }

    @Test
    void poolBodiesAgreeAcrossDtypes() {
        for (String shape : new String[] {"4x3x28x28", "4x3x14x14"}) {
            Pool2dKernelBenchmark float64 = new Pool2dKernelBenchmark();
            Pool2dKernelBenchmark float32 = new Pool2dKernelBenchmark();
            float64.shape = shape;
            float32.shape = shape;
            float64.dtype = "float64";
            float32.dtype = "float32";
            float64.setUp();
            float32.setUp();
            assertAgree(float64.maxForward(), float32.maxForward(), "maxForward " + shape);
            assertAgree(float64.maxBackward(), float32.maxBackward(), "maxBackward " + shape);
        }
    }

    @Test
    void elementwiseBodiesAgreeAcrossDtypes() {
        ElementwiseKernelBenchmark float64 = new ElementwiseKernelBenchmark();
        ElementwiseKernelBenchmark float32 = new ElementwiseKernelBenchmark();
        float64.size = 4096;
        float32.size = 4096;
        float64.dtype = "float64";
        float32.dtype = "float32";
        float64.setUp();
        float32.setUp();
        assertAgree(float64.add(), float32.add(), "add");
        assertAgree(float64.tanh(), float32.tanh(), "tanh");
        assertAgree(float64.exp(), float32.exp(), "exp");
    }

    @Test
    void anUnknownDtypeIsRefusedByName() {
        GemmKernelBenchmark benchmark = new GemmKernelBenchmark();
        benchmark.shape = "2x2x2";
        benchmark.dtype = "float16";
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, benchmark::setUp);
        assertTrue(error.getMessage().contains("float16"), error.getMessage());
    }
}
