package org.equireg.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@link IndexMap#strided}, the stride-adding builder behind permute, flip and slice, gives exactly
 * the indices of the per-element definition {@code offset + sum_i c_i * stride_i} that
 * {@link IndexMap#build} evaluates; the three ops keep their element order; and the maps kept for
 * reuse ({@link StridedMaps}) are shared only between equal arguments, and bounded.
 */
class IndexMapTest {

    @Test
    void stridedMatchesTheDefinitionForEveryRankAndSign() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 500; trial++) {
            int rank = random.nextInt(6); // 0..5, rank 0 included
            int[] shape = new int[rank];
            int[] strides = new int[rank];
            for (int i = 0; i < rank; i++) {
                shape[i] = random.nextInt(trial % 50 == 0 ? 0 : 1, 5); // now and then an empty axis
                strides[i] = random.nextInt(-40, 41); // negative (flipped), zero (broadcast-like), positive
            }
            int offset = random.nextInt(0, 1000);
            int[] expected = IndexMap.build(shape, coordinates -> {
                int flat = offset;
                for (int i = 0; i < coordinates.length; i++) {
                    flat += coordinates[i] * strides[i];
                }
                return flat;
            });
            assertArrayEquals(expected, IndexMap.strided(shape, offset, strides),
                    () -> "shape " + Arrays.toString(shape) + " strides " + Arrays.toString(strides) + " offset " + offset);
        }
    }

    @Test
    void permuteFlipAndSliceKeepTheirElementOrder() {
        // x[i][j][k] = 100 i + 10 j + k, shape (2, 3, 4)
        double[] values = new double[24];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    values[(i * 3 + j) * 4 + k] = 100 * i + 10 * j + k;
                }
            }
        }
        Tensor x = Tensor.of(values, 2, 3, 4);
        assertArrayEquals(new double[] {0, 100, 10, 110, 20, 120, 1, 101, 11, 111, 21, 121,
                        2, 102, 12, 112, 22, 122, 3, 103, 13, 113, 23, 123},
                x.permute(2, 1, 0).toArray()); // (4, 3, 2)
        assertArrayEquals(new double[] {123, 122, 121, 120, 113, 112, 111, 110, 103, 102, 101, 100,
                        23, 22, 21, 20, 13, 12, 11, 10, 3, 2, 1, 0},
                x.flip(0, 1, 2).toArray());
        assertArrayEquals(new double[] {20, 21, 22, 23, 10, 11, 12, 13, 0, 1, 2, 3,
                        120, 121, 122, 123, 110, 111, 112, 113, 100, 101, 102, 103},
                x.flip(1).toArray());
        assertArrayEquals(new double[] {1, 3, 11, 13, 21, 23, 101, 103, 111, 113, 121, 123},
                x.slice(2, 1, 4, 2).toArray());
        assertArrayEquals(new double[] {10, 11, 12, 13, 110, 111, 112, 113}, x.slice(1, -2, -1).toArray());
        assertArrayEquals(new double[0], x.slice(0, 2, 5).toArray());
        // rot90 over the last two axes = flip then transpose, on one image: [[0 1 2 3] [10 ..] [20 ..]]
        assertArrayEquals(new double[] {3, 13, 23, 2, 12, 22, 1, 11, 21, 0, 10, 20},
                x.slice(0, 0, 1).rot90(1, 1, 2).toArray());
    }

    @Test
    void keptMapsAreSharedOnlyBetweenEqualArgumentsAndBounded() {
        int[] shape = {3, 5, 7};
        int[] strides = {35, -7, 1};
        int[] first = IndexMap.strided(shape, 28, strides);
        assertSame(first, IndexMap.strided(shape.clone(), 28, strides.clone()), "equal arguments, one map");
        strides[1] = 7; // the caller's arrays were copied into the key: changing them finds another map
        int[] other = IndexMap.strided(shape, 28, strides);
        assertNotSame(first, other);
        assertArrayEquals(new int[] {28, 21, 14}, new int[] {first[0], first[7], first[14]});
        assertArrayEquals(new int[] {28, 35, 42}, new int[] {other[0], other[7], other[14]});
        assertNotSame(first, IndexMap.strided(shape, 29, new int[] {35, -7, 1}), "another offset, another map");
        int[] long1 = {StridedMaps.MAX_LENGTH + 1};
        assertNotSame(IndexMap.strided(long1, 0, new int[] {1}), IndexMap.strided(long1, 0, new int[] {1}),
                "a map longer than MAX_LENGTH is built afresh every time");
        for (int n = 0; n < 40; n++) { // 40 distinct maps of 2^17 indices: more than the budget holds
            IndexMap.strided(new int[] {1 << 17}, n, new int[] {1});
            assertTrue(StridedMaps.keptIndices() <= StridedMaps.BUDGET, () -> "kept " + StridedMaps.keptIndices());
        }
    }
}
