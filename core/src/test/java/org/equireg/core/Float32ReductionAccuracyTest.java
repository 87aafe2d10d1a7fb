package org.equireg.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every float32 reduction of the library, at 10^7 terms, within a few float32 roundings of the exact
 * sum: {@code |computed - exact| <= 4 * 2^-24 * sum |terms|}, the exact sum taken in double from the
 * same float inputs (exact enough: 10^7 * 2^-53 is far below a float rounding). A float accumulator
 * adding one term at a time misses this by orders of magnitude (10^7 terms of 0.1 sum to 1087937,
 * not 1000000), so each case fails on such code.
 *
 * <p>The size is the system property {@code equireg.accuracyTerms} (default 10^7, a few seconds); a
 * multiple of 3 x 10^6. The 10^8 check is run by hand, with a larger heap:
 * {@code ./mvnw -B -pl core test -Dtest=Float32ReductionAccuracyTest -DargLine.extra="-Dequireg.accuracyTerms=100000000 -Xmx12g"}.
 */
class Float32ReductionAccuracyTest {
    private static final int N = Integer.getInteger("equireg.accuracyTerms", 10_000_000);
    private static final double ROUNDINGS = 4;

    private static float[] uniform(long seed, int length) {
        Random random = new Random(seed);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextFloat();
        }
        return values;
    }

    private static void assertAccurate(String what, double exact, double absoluteSum, double computed) {
        double error = Math.abs(computed - exact);
        double roundings = error / (Math.ulp(1.0f) / 2 * absoluteSum);
        assertTrue(roundings <= ROUNDINGS, what + ": " + computed + " vs exact " + exact + ", error " + error
                + " = " + roundings + " roundings of 2^-24 sum|t|");
    }

    private static float only(Tensor t) {
        return t.floatBuffer()[0];
    }

    /** The gradient of a broadcast parameter sums the upstream gradient: 10^7 terms of 0.1 (the reported case). */
    @Test
    void broadcastGradientOfAScalar() {
        float[] x = new float[N];
        java.util.Arrays.fill(x, 0.1f);
        Tensor xs = Tensor.wrap(x, N);
        Tensor b = Tensor.of(new float[] {0f}, 1).requiresGrad(true);
        xs.add(b).mul(xs).sum().backward();
        assertAccurate("b.grad", N * (double) 0.1f, N * (double) 0.1f, only(b.grad()));
    }

    /** Rows summed into a bias-like vector, and a broadcast over an inner axis (the general walk). */
    @Test
    void broadcastGradientOfAVectorAndOfAColumn() {
        float[] x = uniform(1, N);
        Tensor rowsOf4 = Tensor.wrap(x, N / 4, 4);
        Tensor row = Tensor.of(new float[4], 4).requiresGrad(true);
        rowsOf4.add(row).mul(rowsOf4).sum().backward();
        Tensor column = Tensor.of(new float[4], 4, 1).requiresGrad(true);
        Tensor blocks = Tensor.wrap(x, N / 100, 4, 25);
        blocks.add(column).mul(blocks).sum().backward();
        for (int j = 0; j < 4; j++) {
            double rowSum = 0;
            for (int i = j; i < N; i += 4) {
                rowSum += x[i];
            }
            assertAccurate("row grad " + j, rowSum, rowSum, row.grad().floatBuffer()[j]);
            double columnSum = 0;
            for (int i = 0; i < N; i++) {
                columnSum += i / 25 % 4 == j ? x[i] : 0;
            }
            assertAccurate("column grad " + j, columnSum, columnSum, column.grad().floatBuffer()[j]);
        }
    }

    /** A Linear over 10^7 rows: bias gradient sum of g, weight gradient sum of g x (a product with k = 10^7). */
    @Test
    void linearGradientsOverManyRows() {
        float[] x = uniform(2, N);
        Tensor input = Tensor.wrap(x, N, 1);
        Tensor weight = Tensor.of(new float[] {1f}, 1, 1).requiresGrad(true);
        Tensor bias = Tensor.of(new float[] {0f}, 1).requiresGrad(true);
        // d/d out of sum(out * x) is x: bias gradient sum x, weight gradient sum x^2.
        input.linear(weight, bias).mul(input).sum().backward();
        double sum = 0;
        double squares = 0;
        for (float v : x) {
            sum += v;
            squares += (double) v * v;
        }
        assertAccurate("bias grad", sum, sum, only(bias.grad()));
        assertAccurate("weight grad", squares, squares, only(weight.grad()));
    }

    /** matmul with a long inner dimension, a row times a column and 3 x k times k x 3 (the packed path). */
    @Test
    void matmulOverALongInnerDimension() {
        float[] a = uniform(3, N);
        float[] b = uniform(4, N);
        float dot = only(Tensor.wrap(a, 1, N).matmul(Tensor.wrap(b, N, 1)));
        double exact = 0;
        for (int i = 0; i < N; i++) {
            exact += (double) a[i] * b[i];
        }
        assertAccurate("row x column", exact, exact, dot);
        int k = N / 3;
        float[] product = Tensor.wrap(java.util.Arrays.copyOf(a, 3 * k), 3, k)
                .matmul(Tensor.wrap(java.util.Arrays.copyOf(b, 3 * k), k, 3)).floatBuffer();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += (double) a[i * k + p] * b[p * 3 + j];
                }
                assertAccurate("3 x 3 element " + i + ", " + j, sum, sum, product[i * 3 + j]);
            }
        }
    }

    /** cumsum: every prefix, forward and in its backward (a reversed cumsum). */
    @Test
    void cumsumEveryPrefix() {
        float[] x = uniform(5, N);
        Tensor input = Tensor.wrap(x, N).requiresGrad(true);
        Tensor prefixes = input.cumsum(0);
        prefixes.sum().backward();
        float[] out = prefixes.floatBuffer();
        double sum = 0;
        for (int i = 0; i < N; i++) {
            sum += x[i];
            if (i % 1000 == 999 || i == N - 1) {
                assertAccurate("prefix " + i, sum, sum, out[i]);
            }
        }
        // The gradient of sum(cumsum(x)) at i is N - i, a sum of ones: exact only with an accurate accumulator
        // past 2^24 terms; at 10^7 it checks the reversed path's bits.
        assertAccurate("gradient at 0", N, N, input.grad().floatBuffer()[0]);
    }

    /** The norms and the mean, over all 10^7 elements. */
    @Test
    void normsAndMean() {
        float[] x = uniform(6, N);
        Tensor input = Tensor.wrap(x, N);
        double sum = 0;
        double squares = 0;
        for (float v : x) {
            sum += v;
            squares += (double) v * v;
        }
        assertAccurate("mean", sum / N, sum / N, only(input.mean()));
        assertAccurate("sum", sum, sum, only(input.sum()));
        assertAccurate("1-norm", sum, sum, only(input.norm(1)));
        // sqrt halves the relative error of the sum of squares.
        assertAccurate("2-norm", Math.sqrt(squares), Math.sqrt(squares), only(input.norm(2)));
    }

    /** A convolution's bias and weight gradients sum over batch and pixels: 10^7 of them. */
    @Test
    void convolutionGradients() {
        float[] x = uniform(7, N);
        Tensor input = Tensor.wrap(x, N / 1_000_000, 1, 1000, 1000);
        Tensor weight = Tensor.of(new float[] {1f}, 1, 1, 1, 1).requiresGrad(true);
        Tensor bias = Tensor.of(new float[] {0f}, 1).requiresGrad(true);
        input.conv2d(weight, bias, 1, 0).mul(input).sum().backward();
        double sum = 0;
        double squares = 0;
        for (float v : x) {
            sum += v;
            squares += (double) v * v;
        }
        assertAccurate("conv bias grad", sum, sum, only(bias.grad()));
        assertAccurate("conv weight grad", squares, squares, only(weight.grad()));
    }
}
