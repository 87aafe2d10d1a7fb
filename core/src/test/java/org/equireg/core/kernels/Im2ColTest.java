package org.equireg.core.kernels;

import static org.equireg.core.kernels.KernelTesting.assertBitwiseEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Unfolding against its definition, the row layout as its transpose, and folding as its adjoint. */
class Im2ColTest {
    /** channels, height, width, kernel height, kernel width, stride, padding, dilation. */
    private static final int[][] GEOMETRIES = {
        {2, 5, 6, 3, 3, 1, 1, 1}, {1, 7, 7, 3, 2, 2, 0, 1}, {3, 6, 5, 2, 3, 1, 2, 2}, {2, 4, 4, 1, 1, 1, 0, 1},
        {1, 5, 5, 5, 5, 1, 4, 1}, {2, 9, 8, 3, 3, 3, 1, 2},
    };

    @Test
    void unfoldMatchesTheDefinitionAndRowsAreItsTranspose() {
        Random random = new Random(KernelTesting.SEED);
        for (int[] s : GEOMETRIES) {
            ConvGeometry g = new ConvGeometry(1, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
            int patch = s[0] * s[3] * s[4];
            int pixels = g.outHeight() * g.outWidth();
            int offset = 3;
            double[] image = KernelTesting.values(random, offset + s[0] * s[1] * s[2]);
            double[] expected = new double[patch * pixels];
            for (int c = 0; c < s[0]; c++) {
                for (int ky = 0; ky < s[3]; ky++) {
                    for (int kx = 0; kx < s[4]; kx++) {
                        int q = (c * s[3] + ky) * s[4] + kx;
                        for (int oy = 0; oy < g.outHeight(); oy++) {
                            for (int ox = 0; ox < g.outWidth(); ox++) {
                                int y = oy * s[5] - s[6] + ky * s[7];
                                int x = ox * s[5] - s[6] + kx * s[7];
                                boolean inside = y >= 0 && y < s[1] && x >= 0 && x < s[2];
                                expected[q * pixels + oy * g.outWidth() + ox] =
                                        inside ? image[offset + (c * s[1] + y) * s[2] + x] : 0.0;
                            }
                        }
                    }
                }
            }
            double[] columns = KernelTesting.values(random, patch * pixels); // stale values must be overwritten
            Im2Col.unfold(image, offset, s[0], g, columns);
            assertBitwiseEquals(expected, columns, "unfold " + g);

            for (int firstTap = 0; firstTap < patch; firstTap += 2) {
                int taps = Math.min(3, patch - firstTap);
                double[] rows = KernelTesting.values(random, taps * pixels);
                Im2Col.unfold(image, offset, g, firstTap, taps, rows);
                assertBitwiseEquals(Arrays.copyOfRange(expected, firstTap * pixels, (firstTap + taps) * pixels), rows,
                        "taps " + firstTap + ".." + (firstTap + taps) + " of " + g);
            }
        }
    }

    /** With small integers every sum is exact, so {@code <unfold(x), C> = <x, fold(C)>} holds exactly. */
    @Test
    void foldIsTheAdjointOfUnfold() {
        Random random = new Random(KernelTesting.SEED);
        for (int[] s : GEOMETRIES) {
            ConvGeometry g = new ConvGeometry(1, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
            int patch = s[0] * s[3] * s[4];
            int pixels = g.outHeight() * g.outWidth();
            double[] image = KernelTesting.integers(random, s[0] * s[1] * s[2], -3, 4);
            double[] cotangent = KernelTesting.integers(random, patch * pixels, -3, 4);
            double[] columns = new double[patch * pixels];
            Im2Col.unfold(image, 0, s[0], g, columns);
            double[] folded = new double[image.length + 1];
            Im2Col.foldAdd(cotangent, s[0], g, folded, 1);
            double left = 0;
            for (int i = 0; i < columns.length; i++) {
                left += columns[i] * cotangent[i];
            }
            double right = 0;
            for (int i = 0; i < image.length; i++) {
                right += image[i] * folded[i + 1];
            }
            assertEquals(left, right, "adjoint " + g);
            assertEquals(0.0, folded[0], "foldAdd wrote before its offset");
        }
    }
}
