package org.equireg.regularizer.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.equireg.core.GradCheck;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Per-sample augmentation: each image warped by its own draw through the same kernel as the batch
 * transforms, seeded, differentiable, and the draws distributed over their ranges.
 */
class RandomAffineTest {
    private final Tensor images = Tensor.rand(new SplittableRandom(4), 5, 2, 7, 6);
    private final RandomAffine family = new RandomAffine(-0.6, 0.8, 1.5, 0.5, 0.8, 1.25, Padding.ZEROS);

    @Test
    void eachSampleIsItsOwnDrawOfTheBatchTransform() {
        Tensor warped = family.applyPerSample(images, new SplittableRandom(9));
        SplittableRandom replay = new SplittableRandom(9);
        for (int b = 0; b < images.dim(0); b++) {
            Tensor alone = family.draw(replay).apply(images.slice(0, b, b + 1));
            assertArrayEquals(alone.toArray(), warped.slice(0, b, b + 1).toArray(), "sample " + b);
        }
        assertNotEquals(warped.slice(0, 0, 1).sub(warped.slice(0, 1, 2)).abs().sum().item(),
                family.draw(new SplittableRandom(9)).apply(images).slice(0, 0, 1).sub(
                        family.draw(new SplittableRandom(9)).apply(images).slice(0, 1, 2)).abs().sum().item(), "per-sample draws differ");
    }

    @Test
    void aDrawIsTheAffineTransformWithTheDrawnParameters() {
        double angle = 0.3;
        double scale = 1.1;
        RandomAffine fixed = new RandomAffine(angle, angle, 0, 0, scale, scale, Padding.BORDER);
        Transform expected = Transforms.affine(new double[][] {{scale * Math.cos(angle), -scale * Math.sin(angle)},
                {scale * Math.sin(angle), scale * Math.cos(angle)}}, new double[] {0, 0}, Padding.BORDER);
        assertArrayEquals(expected.apply(images).toArray(), fixed.draw(new SplittableRandom(1)).apply(images).toArray());
        assertArrayEquals(expected.apply(images).toArray(), fixed.applyPerSample(images, new SplittableRandom(1)).toArray());
    }

    /** Far shifts read only the padding (no NaN from an overflowing floor); huge and tiny scales invert. */
    @Test
    void extremeButFiniteParametersGiveNumbers() {
        Tensor farAway = new RandomAffine(0, 0, 1e300, 1e300, 1, 1, Padding.ZEROS).applyPerSample(images, new SplittableRandom(1));
        assertArrayEquals(new double[images.size()], farAway.toArray(), "zero padding all over");
        Tensor border = new RandomAffine(0, 0, 1e300, 1e300, 1, 1, Padding.BORDER).applyPerSample(images, new SplittableRandom(1));
        assertTrue(Arrays.stream(border.toArray()).allMatch(Double::isFinite), "border padding: edge pixels");
        Tensor farShift = Transforms.affine(new double[][] {{1, 0}, {0, 1}}, new double[] {Double.MAX_VALUE, -Double.MAX_VALUE},
                Padding.ZEROS).apply(images);
        assertArrayEquals(new double[images.size()], farShift.toArray(), "a shift of MAX_VALUE pixels");

        // 1e200: the determinant 1e400 overflows, the inverse 1e-200 does not; every pixel reads the centre
        Tensor zoomed = new RandomAffine(0, 0, 0, 0, 1e200, 1e200, Padding.BORDER).draw(new SplittableRandom(1)).apply(images);
        double[] first = zoomed.slice(0, 0, 1).slice(1, 0, 1).toArray();
        assertTrue(Arrays.stream(first).allMatch(value -> value == first[0]), "one value: the centre's");
        Tensor shrunk = Transforms.scale(1e-200, Padding.ZEROS).apply(images);
        assertTrue(Arrays.stream(shrunk.toArray()).allMatch(Double::isFinite), "a scale of 1e-200");
    }

    @Test
    void theSameSeedGivesTheSameBits() {
        assertArrayEquals(family.applyPerSample(images, new SplittableRandom(3)).toArray(),
                family.applyPerSample(images, new SplittableRandom(3)).toArray());
        double[] before = images.toArray();
        family.applyPerSample(images, new SplittableRandom(3));
        assertArrayEquals(before, images.toArray(), "the input was modified");
    }

    @Test
    void aZeroRangeIsTheIdentityUpToRounding() {
        Tensor same = new RandomAffine(0, 0, 0, 0, 1, 1, Padding.ZEROS).applyPerSample(images, new SplittableRandom(2));
        double[] expected = images.toArray();
        double[] actual = same.toArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-15);
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        GradCheck.standard().check(inputs -> family.applyPerSample(inputs[0], new SplittableRandom(5)), images.slice(0, 0, 3).copy());
    }

    @Test
    void rotationsShiftInkTheWayTheyShould() {
        // A single ink pixel right of the centre of a 5 x 5 image turns a quarter counterclockwise to above it.
        double[] pixels = new double[25];
        pixels[2 * 5 + 3] = 1;
        Tensor dot = Tensor.of(pixels, 1, 1, 5, 5);
        Tensor turned = new RandomAffine(Math.PI / 2, Math.PI / 2, 0, 0, 1, 1, Padding.ZEROS).applyPerSample(dot, new SplittableRandom(1));
        assertEquals(1, turned.get(0, 0, 1, 2), 1e-12);
        assertEquals(1, turned.sum().item(), 1e-12);
        assertTrue(RandomAffine.rotation(0.5).toString().contains("angle [-0.500000, 0.500000]"), RandomAffine.rotation(0.5).toString());
    }
}
