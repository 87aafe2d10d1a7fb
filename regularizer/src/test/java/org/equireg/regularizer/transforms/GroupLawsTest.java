package org.equireg.regularizer.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.equireg.core.Tensor;
import org.equireg.regularizer.support.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The group axioms of every finite group, checked on its action on a generic batch: the identity
 * comes first, the elements act differently, products and inverses stay in the group, and the
 * orbit lists g x for every element.
 */
class GroupLawsTest {

    static Stream<Arguments> groups() {
        SplittableRandom random = new SplittableRandom(21);
        return Stream.of(
                Arguments.of(Transforms.c4(), 4, Tensor.rand(random, 2, 1, 4, 4)),
                Arguments.of(Transforms.d4(), 8, Tensor.rand(random, 2, 1, 4, 4)),
                Arguments.of(Transforms.cyclicShifts(1, 5), 5, Tensor.rand(random, 2, 5)),
                Arguments.of(Transforms.flips(1, 2), 4, Tensor.rand(random, 2, 3, 4)),
                Arguments.of(Transforms.permutationsAlong(1, 3), 6, Tensor.rand(random, 2, 3, 2)),
                Arguments.of(Transforms.signFlipGroup(2), 4, Tensor.randn(random, 2, 2)),
                Arguments.of(Transforms.rotations2d(4), 4, Tensor.randn(random, 3, 2)),
                Arguments.of(Transforms.rotations2d(6), 6, Tensor.randn(random, 3, 2)));
    }

    @ParameterizedTest
    @MethodSource("groups")
    void satisfiesTheGroupAxioms(FiniteGroup group, int order, Tensor probe) {
        List<Transform> elements = group.elements();
        assertEquals(order, group.order());
        assertArrayEquals(probe.toArray(), elements.get(0).apply(probe).toArray(), "the identity comes first");
        for (int i = 0; i < order; i++) {
            for (int j = i + 1; j < order; j++) {
                assertTrue(distance(elements.get(i).apply(probe), elements.get(j).apply(probe)) > Tolerances.CLEARLY_POSITIVE,
                        "elements " + i + " and " + j + " act alike");
            }
        }
        for (Transform g : elements) {
            for (Transform h : elements) {
                indexOf(group, g.then(h), probe);
            }
            Transform inverse = g.inverse().orElseThrow();
            indexOf(group, inverse, probe);
            assertTrue(distance(probe, g.then(inverse).apply(probe)) <= Tolerances.ROUNDING, "g g^-1 = id for " + g);
        }
    }

    @ParameterizedTest
    @MethodSource("groups")
    void orbitListsEveryImageAndDrawsAreUniformElements(FiniteGroup group, int order, Tensor probe) {
        List<Tensor> orbit = group.orbit(probe);
        assertEquals(order, orbit.size());
        for (int i = 0; i < order; i++) {
            assertArrayEquals(group.elements().get(i).apply(probe).toArray(), orbit.get(i).toArray());
        }
        int[] counts = new int[order];
        SplittableRandom random = new SplittableRandom(5);
        for (int draw = 0; draw < 100 * order; draw++) {
            counts[indexOf(group, group.draw(random), probe)]++;
        }
        for (int count : counts) {
            // binomial(100 order, 1/order): mean 100, standard deviation below 10
            assertTrue(Math.abs(count - 100) < 5 * 10, "draw counts " + java.util.Arrays.toString(counts));
        }
    }

    @Test
    void quarterTurnsOfPicturesTurnTheirVectors() {
        // the centroid (x right, y up) of a picture turned by k quarter turns is the centroid turned by k
        Tensor pictures = Tensor.rand(new SplittableRandom(9), 3, 5, 5);
        FiniteGroup pictureTurns = Transforms.c4();
        FiniteGroup vectorTurns = Transforms.rotations2d(4);
        for (int k = 0; k < 4; k++) {
            Tensor turnedCentroid = vectorTurns.elements().get(k).apply(centroid(pictures));
            Tensor centroidOfTurned = centroid(pictureTurns.elements().get(k).apply(pictures));
            assertTrue(distance(turnedCentroid, centroidOfTurned) <= Tolerances.ROUNDING, "k = " + k);
        }
    }

    /** Intensity-weighted centroid of (batch, h, w) pictures in (x right, y up) pixels about the centre. */
    static Tensor centroid(Tensor pictures) {
        int h = pictures.dim(1);
        int w = pictures.dim(2);
        double[] xs = new double[h * w];
        double[] ys = new double[h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                xs[i * w + j] = j - (w - 1) / 2.0;
                ys[i * w + j] = (h - 1) / 2.0 - i;
            }
        }
        Tensor flat = pictures.reshape(pictures.dim(0), h * w);
        Tensor mass = flat.sum(1, true);
        Tensor x = flat.mul(Tensor.of(xs, h * w)).sum(1, true).div(mass);
        Tensor y = flat.mul(Tensor.of(ys, h * w)).sum(1, true).div(mass);
        return Tensor.concat(1, x, y);
    }

    private static int indexOf(FiniteGroup group, Transform transform, Tensor probe) {
        Tensor image = transform.apply(probe);
        for (int k = 0; k < group.order(); k++) {
            if (distance(group.elements().get(k).apply(probe), image) <= Tolerances.ROUNDING) {
                return k;
            }
        }
        throw new AssertionError(transform + " is not an element of " + group);
    }

    private static double distance(Tensor a, Tensor b) {
        assertArrayEquals(a.shape(), b.shape());
        return a.sub(b).abs().max().item();
    }
}
