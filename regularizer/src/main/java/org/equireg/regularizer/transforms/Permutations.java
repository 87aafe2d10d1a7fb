package org.equireg.regularizer.transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.equireg.core.Arguments;

/** Permutations of {0, ..., n - 1} as int arrays: checks, inverses, enumeration. */
final class Permutations {
    private Permutations() {
    }

    /** Throws unless {@code permutation} holds each of 0..n-1 once. */
    static void check(String method, int[] permutation) {
        Arguments.notNull(permutation, method, "permutation");
        boolean[] seen = new boolean[permutation.length];
        for (int value : permutation) {
            if (value < 0 || value >= permutation.length || seen[value]) {
                throw new IllegalArgumentException(method + ": " + Arrays.toString(permutation)
                        + " is not a permutation of 0.." + (permutation.length - 1));
            }
            seen[value] = true;
        }
    }

    /** The inverse: {@code inverse[permutation[i]] = i}. */
    static int[] inverse(int[] permutation) {
        int[] inverse = new int[permutation.length];
        for (int i = 0; i < permutation.length; i++) {
            inverse[permutation[i]] = i;
        }
        return inverse;
    }

    /** All n! permutations in lexicographic order, the identity first. */
    static List<int[]> all(int n) {
        List<int[]> result = new ArrayList<>();
        int[] current = new int[n];
        for (int i = 0; i < n; i++) {
            current[i] = i;
        }
        do {
            result.add(current.clone());
        } while (nextInPlace(current));
        return result;
    }

    // Narayana's next-permutation step; false after the last (descending) permutation.
    private static boolean nextInPlace(int[] values) {
        int i = values.length - 2;
        while (i >= 0 && values[i] >= values[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = values.length - 1;
        while (values[j] <= values[i]) {
            j--;
        }
        swap(values, i, j);
        for (int left = i + 1, right = values.length - 1; left < right; left++, right--) {
            swap(values, left, right);
        }
        return true;
    }

    private static void swap(int[] values, int i, int j) {
        int held = values[i];
        values[i] = values[j];
        values[j] = held;
    }
}
