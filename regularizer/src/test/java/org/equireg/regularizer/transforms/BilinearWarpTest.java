package org.equireg.regularizer.transforms;

import static org.equireg.regularizer.support.Assertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.equireg.regularizer.support.Tolerances;
import org.junit.jupiter.api.Test;

/** Rotations, scalings and affine maps by bilinear resampling: conventions and special angles. */
class BilinearWarpTest {
    private final Tensor images = Tensor.rand(new SplittableRandom(41), 2, 3, 6, 6);

    @Test
    void rotationByZeroIsTheIdentityExactly() {
        assertArrayEquals(images.toArray(), Transforms.rotate(0, Padding.ZEROS).apply(images).toArray());
        assertArrayEquals(images.toArray(), Transforms.scale(1, Padding.BORDER).apply(images).toArray());
    }

    @Test
    void quarterTurnsAgreeWithRot90() {
        for (int k = -4; k <= 4; k++) {
            Tensor bilinear = Transforms.rotate(k * Math.PI / 2, Padding.ZEROS).apply(images);
            assertClose(Transforms.rot90(k).apply(images), bilinear, Tolerances.ROUNDING, "k = " + k);
        }
    }

    @Test
    void zeroPaddingFillsCornersWithZeroAndBorderPaddingWithEdgeValues() {
        Tensor ones = Tensor.ones(1, 6, 6);
        Tensor zeros = Transforms.rotate(Math.PI / 4, Padding.ZEROS).apply(ones);
        Tensor border = Transforms.rotate(Math.PI / 4, Padding.BORDER).apply(ones);
        assertEquals(0.0, zeros.get(0, 0, 0), "a corner rotated in from outside");
        assertEquals(1.0, zeros.get(0, 3, 3), 1e-15, "the centre");
        assertClose(ones, border, Tolerances.ROUNDING, "border padding of a constant picture");
    }

    @Test
    void randomRotationsDrawAnglesInTheRangeFromTheGenerator() {
        RandomTransform family = Transforms.randomRotation(-0.5, 0.5, Padding.ZEROS);
        Tensor first = family.draw(new SplittableRandom(1)).apply(images);
        Tensor again = family.draw(new SplittableRandom(1)).apply(images);
        Tensor other = family.draw(new SplittableRandom(2)).apply(images);
        assertArrayEquals(first.toArray(), again.toArray(), "same seed, same angle");
        assertNotEquals(java.util.Arrays.toString(first.toArray()), java.util.Arrays.toString(other.toArray()));
        for (int seed = 0; seed < 50; seed++) {
            String name = family.draw(new SplittableRandom(seed)).toString();
            double angle = Double.parseDouble(name.substring(name.indexOf('(') + 1, name.indexOf(" rad")));
            assertTrue(angle >= -0.5 && angle <= 0.5, name);
        }
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException singular = assertThrows(IllegalArgumentException.class,
                () -> Transforms.affine(new double[][] {{1, 2}, {2, 4}}, new double[] {0, 0}, Padding.ZEROS));
        assertTrue(singular.getMessage().contains("singular"), singular.getMessage());
        IllegalArgumentException vectors = assertThrows(IllegalArgumentException.class,
                () -> Transforms.rotate(0.1, Padding.ZEROS).apply(Tensor.zeros(4, 5)));
        assertTrue(vectors.getMessage().contains("[4, 5]"), vectors.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Transforms.randomRotation(1, 0, Padding.ZEROS));
    }
}
