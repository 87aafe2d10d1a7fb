package org.equireg.core.kernels;

import static org.equireg.core.kernels.KernelTesting.SEED;
import static org.equireg.core.kernels.KernelTesting.assertBitwiseEquals;
import static org.equireg.core.kernels.KernelTesting.values;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Scan#cumsum} gives the bits of the plain sequential definition in a double accumulator,
 * for every row width up to three 512-bit vectors and one, both directions, in place and out of place.
 */
class ScanTest {
    /** 3 * 8 + 1: the widest vectors hold 8 doubles; a constant, so no class of the incubator module loads. */
    private static final int MAX_INNER = 25;

    /**
     * The definition, one element at a time: each sum is the previous sum plus the next input, kept in
     * double and rounded for each output.
     */
    private static double[] sequential(double[] in, int outer, int length, int inner, boolean reverse) {
        double[] out = new double[in.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                /* wide */ double sum = 0;
                for (int j = 0; j < length; j++) {
                    int k = reverse ? length - 1 - j : j;
                    int at = (o * length + k) * inner + i;
                    sum = j == 0 ? in[at] : sum + in[at];
                    out[at] = (double) sum;
                }
            }
        }
        return out;
    }

    @Test
    void equalsTheSequentialDefinitionBitForBit() {
        Random random = new Random(SEED);
        int[][] outerAndLength = {{1, 1}, {2, 5}, {3, 0}, {0, 4}, {2, 9}};
        for (int inner = 0; inner <= MAX_INNER; inner++) {
            for (int[] sizes : outerAndLength) {
                int outer = sizes[0];
                int length = sizes[1];
                for (boolean reverse : new boolean[] {false, true}) {
                    String what = "outer " + outer + ", length " + length + ", inner " + inner + ", reverse " + reverse;
                    double[] in = values(random, outer * length * inner);
                    double[] expected = sequential(in, outer, length, inner, reverse);
                    double[] out = new double[in.length];
                    Scan.cumsum(in, out, outer, length, inner, reverse);
                    assertBitwiseEquals(expected, out, what);
                    Scan.cumsum(in, in, outer, length, inner, reverse);
                    assertBitwiseEquals(expected, in, what + ", in place");
                }
            }
        }
    }
}
