package org.equireg.core.ops;

import static org.equireg.core.ops.Tolerances.EXACT;
import static org.equireg.core.ops.Tolerances.FEW_ULPS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Function;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The documented derivatives at points where an op is not smooth, and stability at extreme inputs,
 * checked exactly. Each expected gradient follows from the op's Javadoc (and matches PyTorch).
 */
class NonSmoothConventionsTest {

    /** The gradients of {@code f(inputs)} for an upstream gradient of ones. */
    private static double[][] gradients(Function<Tensor[], Tensor> f, Tensor... inputs) {
        Tensor[] leaves = Arrays.stream(inputs).map(input -> input.copy().requiresGrad(true)).toArray(Tensor[]::new);
        Tensor output = f.apply(leaves);
        output.backward(Tensor.ones(output.shape()));
        return Arrays.stream(leaves).map(leaf -> leaf.grad().toArray()).toArray(double[][]::new);
    }

    private static double[] gradient(Function<Tensor, Tensor> f, double... x) {
        return gradients(inputs -> f.apply(inputs[0]), Tensor.of(x, x.length))[0];
    }

    private static Tensor vector(double... values) {
        return Tensor.of(values, values.length);
    }

    private static void assertAllFinite(double[] values) {
        for (double value : values) {
            assertTrue(Double.isFinite(value), Arrays.toString(values));
        }
    }

    @Test
    void reluDerivativeAtZeroIsZero() {
        assertArrayEquals(new double[] {0, 0, 1, 0}, gradient(Tensor::relu, 0, -0.0, 1, -1), EXACT);
    }

    @Test
    void absDerivativeAtZeroIsZero() {
        assertArrayEquals(new double[] {0, 0, 1, -1}, gradient(Tensor::abs, 0, -0.0, 2, -2), EXACT);
    }

    @Test
    void leakyReluDerivativeAtZeroIsTheSlope() {
        assertArrayEquals(new double[] {0.1, 1, 0.1}, gradient(x -> x.leakyRelu(0.1), 0, 2, -2), EXACT);
    }

    @Test
    void clampPassesTheGradientAtBothBoundaries() {
        assertArrayEquals(new double[] {1, 1, 0, 0, 1}, gradient(x -> x.clamp(-1, 2), -1, 2, -1.5, 2.5, 0), EXACT);
    }

    @Test
    void maximumAndMinimumSplitTiesInHalf() {
        double[][] max = gradients(x -> x[0].maximum(x[1]), vector(1, 2, 3), vector(1, 5, 0));
        assertArrayEquals(new double[] {0.5, 0, 1}, max[0], EXACT);
        assertArrayEquals(new double[] {0.5, 1, 0}, max[1], EXACT);
        double[][] min = gradients(x -> x[0].minimum(x[1]), vector(1, 2, 3), vector(1, 5, 0));
        assertArrayEquals(new double[] {0.5, 1, 0}, min[0], EXACT);
        assertArrayEquals(new double[] {0.5, 0, 1}, min[1], EXACT);
    }

    @Test
    void aBroadcastTieSumsTheHalves() {
        double[][] grads = gradients(x -> x[0].maximum(x[1]), vector(2, 2, 1), Tensor.scalar(2));
        assertArrayEquals(new double[] {0.5, 0.5, 0}, grads[0], EXACT);
        assertArrayEquals(new double[] {2}, grads[1], EXACT);
    }

    @Test
    void maxAndMinShareTiesEvenly() {
        assertArrayEquals(new double[] {0, 1.0 / 3, 1.0 / 3, 0, 1.0 / 3}, gradient(Tensor::max, 1, 3, 3, 2, 3), EXACT);
        assertArrayEquals(new double[] {0.5, 0, 0, 0.5}, gradient(Tensor::min, -1, 3, 2, -1), EXACT);
        Tensor matrix = Tensor.of(new double[] {3, 1, 3, 3}, 2, 2);
        assertArrayEquals(new double[] {0.5, 0, 0.5, 1}, gradients(x -> x[0].max(0, false), matrix)[0], EXACT);
        assertArrayEquals(new double[] {0, 1, 0.5, 0.5}, gradients(x -> x[0].min(1, true), matrix)[0], EXACT);
    }

    @Test
    void infinityNormSharesTiesOfMagnitudeWithTheirSigns() {
        assertArrayEquals(new double[] {-0.5, 0.5, 0}, gradient(x -> x.norm(Double.POSITIVE_INFINITY), -2, 2, 1), EXACT);
    }

    @Test
    void maxPoolSendsTheGradientToTheFirstMaximumOfEachWindow() {
        // Windows [[1,3],[3,2]] and [[3,3],[2,0]] both pick the 3 at (0, 1), the first in row-major order.
        Tensor image = Tensor.of(new double[] {1, 3, 3, 3, 2, 0, 1, 1, 1}, 1, 1, 3, 3);
        double[] grad = gradients(x -> x[0].maxPool2d(2, 1, 0), image)[0];
        assertArrayEquals(new double[] {0, 2, 0, 1, 1, 0, 0, 0, 0}, grad, EXACT);
    }

    @ParameterizedTest(name = "p = {0}")
    @ValueSource(doubles = {1, 1.5, 2, 3, Double.POSITIVE_INFINITY})
    void normGradientAtTheZeroVectorIsZero(double p) {
        Tensor zero = Tensor.zeros(3);
        assertEquals(0.0, zero.norm(p).item(), EXACT);
        assertArrayEquals(new double[3], gradients(x -> x[0].norm(p), zero)[0], EXACT);
        Tensor oneZeroRow = Tensor.of(new double[] {0, 0, 3, -4}, 2, 2);
        double[] rows = gradients(x -> x[0].norm(p, 1, false), oneZeroRow)[0];
        assertArrayEquals(new double[] {0, 0}, Arrays.copyOf(rows, 2), EXACT);
        assertAllFinite(rows);
    }

    @Test
    void sqrtAtZeroHasAnInfiniteDerivative() {
        Tensor zero = Tensor.zeros(1);
        assertEquals(0.0, zero.sqrt().item(), EXACT);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY}, gradient(Tensor::sqrt, 0), EXACT);
    }

    @Test
    void powDerivativeAtZeroBase() {
        assertArrayEquals(new double[] {0}, gradient(x -> x.pow(0), 0), EXACT);
        assertArrayEquals(new double[] {1}, gradient(x -> x.pow(1), 0), EXACT);
        assertArrayEquals(new double[] {0}, gradient(x -> x.pow(2), 0), EXACT);
    }

    @Test
    void softplusIsTheIdentityAboveTwentyAndFiniteFarBelow() {
        Tensor x = vector(20.5, 1000, -800);
        assertArrayEquals(new double[] {20.5, 1000, 0}, x.softplus().toArray(), EXACT);
        assertArrayEquals(new double[] {1, 1, 0}, gradient(Tensor::softplus, 20.5, 1000, -800), EXACT);
    }

    @Test
    void softplusAtTheThresholdItselfIsStillTheLogarithm() {
        double e = Math.exp(20);
        assertEquals(Math.log1p(e), vector(20).softplus().item(), EXACT);
        assertEquals(e / (1 + e), gradient(Tensor::softplus, 20)[0], FEW_ULPS);
    }

    @Test
    void sigmoidSaturatesWithFiniteGradients() {
        assertArrayEquals(new double[] {1, 0}, vector(800, -800).sigmoid().toArray(), EXACT);
        assertArrayEquals(new double[] {0, 0}, gradient(Tensor::sigmoid, 800, -800), EXACT);
    }

    @Test
    void softmaxAndLogSoftmaxAreStableAtLogitsOfTenThousand() {
        double[] logits = {1e4, 1e4 + 1, 1e4 - 2, -1e4};
        double[] shifted = {-1, 0, -3, -2e4 - 1};
        double logSum = Math.log(Math.exp(-1) + 1 + Math.exp(-3));
        double[] expectedLog = new double[4];
        double[] expectedSoftmax = new double[4];
        for (int i = 0; i < 4; i++) {
            expectedLog[i] = shifted[i] - logSum;
            expectedSoftmax[i] = Math.exp(expectedLog[i]);
        }
        assertRelative(expectedSoftmax, vector(logits).softmax(0).toArray());
        assertRelative(expectedLog, vector(logits).logSoftmax(0).toArray());
        assertAllFinite(gradient(x -> x.softmax(0).mul(vector(1, 2, 3, 4)), logits));
        assertAllFinite(gradient(x -> x.logSoftmax(0).mul(vector(1, 2, 3, 4)), logits));
    }

    @Test
    void logSumExpOfInfiniteRowsIsInfiniteLikePyTorch() {
        double inf = Double.POSITIVE_INFINITY;
        Tensor rows = Tensor.of(new double[] {-inf, -inf, inf, 1, 0, 1}, 3, 2);
        assertArrayEquals(new double[] {-inf, inf, 1 + Math.log1p(Math.exp(-1))}, rows.logSumExp(1, false).toArray(),
                EXACT);
    }

    private static void assertRelative(double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], FEW_ULPS * Math.abs(expected[i]), "element " + i);
        }
    }
}
