package org.equireg.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float32 column of the gradient-check tables: every row of {@link GradCases} (so every
 * differentiable method of Tensor, as {@link org.equireg.core.GradCoverageTest} enforces) run in
 * float32 and compared with the same function in float64 at the same point (the float64 inputs are
 * the float32 inputs widened), value and gradients, with the same upstream gradient.
 *
 * <p>GradCheck stays float64: finite differences in float32 would measure rounding, not
 * derivatives. This test instead checks that each float32 op computes what its float64 twin
 * computes, to float32 precision, and keeps float32 throughout (result and gradients float32).
 */
class Float32ColumnTest {

    /** Rows whose function converts types on purpose, so the result is not float32. */
    private static final String MIXED_BY_DESIGN = "to(DType)";

    static Stream<GradCase> cases() {
        return GradCases.all().filter(gradCase -> !gradCase.method().equals(MIXED_BY_DESIGN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float32MatchesFloat64(GradCase gradCase) {
        Tensor[] narrow = Arrays.stream(gradCase.inputs()).map(input -> input.to(DType.FLOAT32)).toArray(Tensor[]::new);
        Tensor[] leaves32 = Arrays.stream(narrow).map(input -> input.copy().requiresGrad(true)).toArray(Tensor[]::new);
        Tensor[] leaves64 = Arrays.stream(narrow).map(input -> input.to(DType.FLOAT64).requiresGrad(true))
                .toArray(Tensor[]::new);
        Tensor y32 = gradCase.function().apply(leaves32);
        Tensor y64 = gradCase.function().apply(leaves64);
        assertEquals(DType.FLOAT32, y32.dtype(), gradCase + ": result type");
        assertEquals(DType.FLOAT64, y64.dtype(), gradCase + ": float64 result type");
        assertClose(gradCase + ": value", y64, y32);
        if (!y64.requiresGrad()) {
            return;
        }
        Tensor seed = Tensor.randn(new SplittableRandom(7), DType.FLOAT32, y32.shape());
        y32.backward(seed);
        y64.backward(seed.to(DType.FLOAT64));
        for (int i = 0; i < leaves32.length; i++) {
            Tensor grad32 = leaves32[i].grad();
            Tensor grad64 = leaves64[i].grad();
            assertEquals(grad64 == null, grad32 == null, gradCase + ": gradient " + i + " present");
            if (grad32 != null) {
                assertEquals(DType.FLOAT32, grad32.dtype(), gradCase + ": gradient " + i + " type");
                assertClose(gradCase + ": gradient " + i, grad64, grad32);
            }
        }
    }

    /**
     * Each element within {@link Float32Tolerance#RELATIVE} of the largest magnitude of the float64
     * tensor (at least 1): elementwise ops round once, but the sums inside reductions, products and
     * convolutions of these small tables add a few roundings of terms up to that magnitude.
     */
    private static void assertClose(String what, Tensor expected, Tensor actual) {
        assertTrue(Arrays.equals(expected.shape(), actual.shape()), what + ": shape");
        double[] want = expected.toArray();
        double[] got = actual.toArray();
        double scale = 1;
        for (double value : want) {
            scale = Double.isFinite(value) ? Math.max(scale, Math.abs(value)) : scale;
        }
        for (int i = 0; i < want.length; i++) {
            if (Double.isNaN(want[i]) || Double.isInfinite(want[i])) {
                assertEquals(want[i], got[i], what + " at " + i);
            } else {
                double error = Math.abs(got[i] - want[i]);
                assertTrue(error <= Float32Tolerance.RELATIVE * scale, what + " at " + i + ": float64 " + want[i]
                        + ", float32 " + got[i] + ", error " + error + " > " + Float32Tolerance.RELATIVE + " * " + scale);
            }
        }
    }
}
