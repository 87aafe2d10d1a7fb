package org.equireg.core.kernels;

import static org.equireg.core.kernels.KernelTesting.SEED;
import static org.equireg.core.kernels.KernelTesting.assertBitwiseEquals;
import static org.equireg.core.kernels.KernelTesting.assumeVectorModule;
import static org.equireg.core.kernels.KernelTesting.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each vector elementwise kernel equals its scalar twin bit for bit, for every length 0 .. 3 * lanes + 1
 * and offsets that put the runs off vector alignment, in place and out of place.
 */
class ElementwiseTest {
    private static final int MAX_OFFSET = 3;

    /** One kernel as (a, aOffset, b, bOffset, out, outOffset, length), whatever it does with b. */
    private interface Kernel {
        void apply(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int length);
    }

    private static final double ALPHA = -0.734;

    /** Runs the vector and the scalar kernel on the same data for every length and offset; returns the cases. */
    private static int checkTwins(String name, Kernel vector, Kernel scalar) {
        Random random = new Random(SEED);
        int lanes = VectorShape.LANES;
        int cases = 0;
        for (int length = 0; length <= 3 * lanes + 1; length++) {
            for (int offset = 0; offset <= MAX_OFFSET; offset++) {
                int aOffset = offset;
                int bOffset = (offset + 1) % (MAX_OFFSET + 1);
                int outOffset = (offset + 2) % (MAX_OFFSET + 1);
                double[] a = values(random, aOffset + length + 2);
                double[] b = values(random, bOffset + length + 2);
                b[bOffset] = length > 0 ? 0.0 : b[bOffset]; // a zero divisor and a zero factor on the way
                double[] out = values(random, outOffset + length + 2);
                double[] vectorOut = out.clone();
                double[] scalarOut = out.clone();
                vector.apply(a, aOffset, b, bOffset, vectorOut, outOffset, length);
                scalar.apply(a, aOffset, b, bOffset, scalarOut, outOffset, length);
                assertBitwiseEquals(scalarOut, vectorOut, name + " length " + length + " offset " + offset);
                // In place: the output run is the first input run.
                double[] vectorInPlace = a.clone();
                double[] scalarInPlace = a.clone();
                vector.apply(vectorInPlace, aOffset, b, bOffset, vectorInPlace, aOffset, length);
                scalar.apply(scalarInPlace, aOffset, b, bOffset, scalarInPlace, aOffset, length);
                assertBitwiseEquals(scalarInPlace, vectorInPlace, name + " in place, length " + length);
                cases += 2;
            }
        }
        return cases;
    }

    private static int expectedCases() {
        return 2 * (3 * VectorShape.LANES + 2) * (MAX_OFFSET + 1);
    }

    @Test
    void addMatchesScalarTwin() {
        assumeVectorModule();
        assertEquals(expectedCases(), checkTwins("add", VectorElementwise::add, ScalarElementwise::add));
    }

    @Test
    void subMatchesScalarTwin() {
        assumeVectorModule();
        assertEquals(expectedCases(), checkTwins("sub", VectorElementwise::sub, ScalarElementwise::sub));
    }

    @Test
    void mulMatchesScalarTwin() {
        assumeVectorModule();
        assertEquals(expectedCases(), checkTwins("mul", VectorElementwise::mul, ScalarElementwise::mul));
    }

    @Test
    void divMatchesScalarTwin() {
        assumeVectorModule();
        assertEquals(expectedCases(), checkTwins("div", VectorElementwise::div, ScalarElementwise::div));
    }

    @Test
    void axpyMatchesScalarTwin() {
        assumeVectorModule();
        assertEquals(expectedCases(), checkTwins("axpy",
                (a, ao, b, bo, out, oo, n) -> VectorElementwise.axpy(ALPHA, a, ao, out, oo, n),
                (a, ao, b, bo, out, oo, n) -> ScalarElementwise.axpy(ALPHA, a, ao, out, oo, n)));
    }

    /** The rectifier and its derivative on runs mixing signed zeros, infinities and NaN. */
    @Test
    void reluMatchesScalarTwin() {
        assumeVectorModule();
        double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -Double.MIN_NORMAL, 2.5};
        Random random = new Random(SEED);
        for (int length = 0; length <= 3 * VectorShape.LANES + 1; length++) {
            double[] x = values(random, length);
            for (int i = 0; i < length; i += 2) {
                x[i] = specials[(i / 2 + length) % specials.length];
            }
            double[] grad = values(random, length);
            double[][] outs = {values(random, length), null, values(random, length), null};
            outs[1] = outs[0].clone();
            outs[3] = outs[2].clone();
            VectorElementwise.relu(x, outs[0], length);
            ScalarElementwise.relu(x, outs[1], length);
            assertBitwiseEquals(outs[1], outs[0], "relu length " + length);
            VectorElementwise.reluBackward(x, grad, outs[2], length);
            ScalarElementwise.reluBackward(x, grad, outs[3], length);
            assertBitwiseEquals(outs[3], outs[2], "relu backward length " + length);
        }
    }

    @Test
    void tanhMatchesScalarTwin() {
        assumeVectorModule();
        assertEquals(expectedCases(), checkTwins("tanh",
                (a, ao, b, bo, out, oo, n) -> VectorTanh.tanh(a, ao, out, oo, n),
                (a, ao, b, bo, out, oo, n) -> ScalarTanh.tanh(a, ao, out, oo, n)));
    }

    @Test
    void tanhBackwardMatchesScalarTwin() {
        assumeVectorModule();
        assertEquals(expectedCases(), checkTwins("tanhBackward", VectorElementwise::tanhBackward,
                ScalarElementwise::tanhBackward));
    }

    @Test
    void sigmoidBackwardMatchesScalarTwin() {
        assumeVectorModule();
        assertEquals(expectedCases(), checkTwins("sigmoidBackward", VectorElementwise::sigmoidBackward,
                ScalarElementwise::sigmoidBackward));
    }

    /** exp, log and sigmoid: the documented formulas element by element, at unaligned offsets, and in place. */
    @Test
    void expLogAndSigmoidFollowTheirFormulas() {
        Random random = new Random(SEED);
        int length = 3 * VectorShape.LANES + 1;
        double[] x = values(random, length + 2);
        x[1] = 30;
        x[2] = -30;
        x[3] = Double.NaN;
        double[] out = new double[length + 1];
        Elementwise.exp(x, 1, out, 0, length);
        for (int i = 0; i < length; i++) {
            assertEquals(Math.exp(x[i + 1]), out[i], "exp");
        }
        Elementwise.log(x, 1, out, 0, length);
        for (int i = 0; i < length; i++) {
            assertEquals(Math.log(x[i + 1]), out[i], "log");
        }
        double[] inPlace = x.clone();
        Elementwise.sigmoid(inPlace, 1, inPlace, 1, length);
        for (int i = 0; i < length; i++) {
            double value = x[i + 1];
            double expected = value >= 0 ? 1 / (1 + Math.exp(-value)) : Math.exp(value) / (1 + Math.exp(value));
            assertEquals(expected, inPlace[i + 1], "sigmoid");
        }
        assertEquals(0.0, inPlace[0] - x[0], "left the element before the run alone");
    }

    @Test
    void facadeComputesTheDocumentedFormulas() {
        double[] a = {1.5, -2, 3, 0.25, 7};
        double[] b = {2, 4, -0.5, 0.125, 1};
        assertBitwiseEquals(new double[] {3.5, 2, 2.5, 0.375, 8}, Elementwise.add(a, b), "add");
        assertBitwiseEquals(new double[] {-0.5, -6, 3.5, 0.125, 6}, Elementwise.sub(a, b), "sub");
        assertBitwiseEquals(new double[] {3, -8, -1.5, 0.03125, 7}, Elementwise.mul(a, b), "mul");
        assertBitwiseEquals(new double[] {0.75, -0.5, -6, 2, 7}, Elementwise.div(a, b), "div");
        double[] target = a.clone();
        Elementwise.addInPlace(target, b);
        assertBitwiseEquals(Elementwise.add(a, b), target, "addInPlace");
        double[] y = {1, 1, 1, 1, 1, 1};
        Elementwise.axpy(2, a, 1, y, 0, 4);
        assertBitwiseEquals(new double[] {-3, 7, 1.5, 15, 1, 1}, y, "axpy");
        double[] rectified = new double[6];
        Elementwise.relu(new double[] {-2, 0.0, -0.0, 3, Double.NaN, Double.NEGATIVE_INFINITY}, rectified, 6);
        assertBitwiseEquals(new double[] {0, 0, 0, 3, Double.NaN, 0}, rectified, "relu");
        double[] slopes = new double[4];
        Elementwise.reluBackward(new double[] {-1, 0, 2, Double.NaN}, new double[] {5, 6, 7, 8}, slopes, 4);
        assertBitwiseEquals(new double[] {0, 0, 7, 0}, slopes, "relu backward");
    }

    @Test
    void fusedMultiplyAddRoundsOnce() {
        // x * x = 1 + 2u + u^2 (u = ulp(1)) is not representable: a separate multiply then add would drop u^2.
        double x = 1 + Math.ulp(1.0);
        double[] y = {-1};
        Elementwise.axpy(x, new double[] {x}, 0, y, 0, 1);
        assertEquals(Math.fma(x, x, -1), y[0]);
        assertEquals(2 * Math.ulp(1.0) + Math.ulp(1.0) * Math.ulp(1.0), y[0]);
    }
}
