package org.equireg.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Storage#get(int, double[], int, int)} and {@link Storage#set(int, double[], int, int)} do
 * what {@link Storage#get(int)} and {@link Storage#set(int, double)} do element by element, and refuse
 * a range that does not fit before touching anything.
 */
class StorageRangeTest {
    private static final double[] VALUES = {0.1, -2.5, 1e-30, 3e38, Double.NaN, -0.0, 7, 1.0 / 3};

    @ParameterizedTest
    @EnumSource(DType.class)
    void rangesMatchTheElementByElementMethods(DType dtype) {
        Storage storage = Storage.zeros(dtype, 10);
        Storage expected = Storage.zeros(dtype, 10);
        storage.set(2, VALUES, 1, 6);
        for (int i = 0; i < 6; i++) {
            expected.set(2 + i, VALUES[1 + i]);
        }
        double[] actual = new double[12];
        storage.get(0, actual, 1, 10);
        for (int i = 0; i < 10; i++) {
            assertEquals(Double.doubleToRawLongBits(expected.get(i)), Double.doubleToRawLongBits(actual[1 + i]),
                    dtype + " element " + i);
        }
        assertEquals(0.0, actual[0]);
        assertEquals(0.0, actual[11]);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void aRangeThatDoesNotFitIsRefusedAndNothingChanges(DType dtype) {
        Storage storage = Storage.fromDoubles(new double[] {1, 2, 3, 4}, dtype);
        double[] array = {9, 9, 9};
        for (int[] bad : new int[][] {{2, 0, 3}, {0, 1, 3}, {-1, 0, 1}, {0, -1, 1}, {0, 0, -1}, {4, 0, 1}}) {
            IndexOutOfBoundsException error = assertThrows(IndexOutOfBoundsException.class,
                    () -> storage.set(bad[0], array, bad[1], bad[2]));
            assertTrue(error.getMessage().contains("storage of 4") && error.getMessage().contains("array of 3"),
                    error.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> storage.get(bad[0], array, bad[1], bad[2]));
        }
        assertArrayEquals(new double[] {1, 2, 3, 4}, new double[] {storage.get(0), storage.get(1), storage.get(2),
            storage.get(3)});
        assertArrayEquals(new double[] {9, 9, 9}, array);
        storage.set(4, array, 3, 0); // an empty range at the ends fits
    }
}
