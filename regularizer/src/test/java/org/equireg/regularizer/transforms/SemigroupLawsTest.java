package org.equireg.regularizer.transforms;

import static org.equireg.regularizer.support.Assertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.equireg.regularizer.support.Tolerances;
import org.junit.jupiter.api.Test;

/** Composition laws of the transforms without inverses. */
class SemigroupLawsTest {
    private final SplittableRandom random = new SplittableRandom(31);

    @Test
    void translationsInOneDirectionAdd() {
        Tensor x = Tensor.rand(random, 2, 3, 6, 7);
        assertArrayEquals(Transforms.translate(new int[] {3, -1}, new int[] {-2, -1}).apply(x).toArray(),
                Transforms.translate(new int[] {1, -1}, new int[] {-2, -1})
                        .then(Transforms.translate(2, -2)).apply(x).toArray());
        // opposite directions do not cancel: the zero fill is lost
        Tensor there = Transforms.translate(2, -1).then(Transforms.translate(-2, -1)).apply(x);
        assertTrue(x.sub(there).abs().max().item() > Tolerances.CLEARLY_POSITIVE);
    }

    @Test
    void downsamplingsMultiply() {
        Tensor x = Tensor.rand(random, 2, 3, 8, 12);
        assertClose(Transforms.downsample(4).apply(x), Transforms.downsample(2).then(Transforms.downsample(2)).apply(x),
                Tolerances.ROUNDING, "down(2) down(2) = down(4)");
    }

    @Test
    void blursComposeToTheBlurWithTheConvolvedKernel() {
        // zero border of width 2 = the two radii: nothing leaves the window, so the law is exact
        Tensor inner = Tensor.rand(random, 2, 1, 5, 5);
        Tensor x = inner.pad(new int[] {2, 2, 2, 2}, 0.0);
        double[] box = {1 / 3.0, 1 / 3.0, 1 / 3.0};
        double[] convolved = {1 / 9.0, 2 / 9.0, 3 / 9.0, 2 / 9.0, 1 / 9.0};
        assertClose(Transforms.blur(convolved).apply(x), Transforms.blur(box).then(Transforms.blur(box)).apply(x),
                Tolerances.ROUNDING, "blur(k) blur(k) = blur(k * k)");
    }

    @Test
    void scalingsMultiplyAwayFromTheBorder() {
        // a smooth (linear) picture is reproduced exactly by bilinear interpolation inside the window
        int size = 9;
        double[] ramp = new double[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                ramp[i * size + j] = 0.3 * i - 0.2 * j;
            }
        }
        Tensor x = Tensor.of(ramp, 1, size, size);
        Tensor product = Transforms.scale(2.0, Padding.ZEROS).apply(x);
        Tensor composed = Transforms.scale(1.25, Padding.ZEROS).then(Transforms.scale(1.6, Padding.ZEROS)).apply(x);
        assertClose(product, composed, Tolerances.ROUNDING, "scale(1.6) scale(1.25) = scale(2)");
    }
}
