package org.equireg.benchmarks;

import java.util.Arrays;

/** Parses the {@code @Param} strings that give a shape as sizes joined by 'x', such as {@code "64x256x64"}. */
final class Shape {
    private Shape() {
    }

    /**
     * @param text sizes joined by 'x'; each &gt;= 1
     * @param rank how many sizes the caller expects
     * @throws IllegalArgumentException when the text does not hold {@code rank} positive sizes
     */
    static int[] parse(String text, int rank) {
        int[] sizes;
        try {
            sizes = Arrays.stream(text.split("x")).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Shape.parse: '" + text + "' is not sizes joined by 'x'", e);
        }
        if (sizes.length != rank || Arrays.stream(sizes).anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException("Shape.parse: '" + text + "' should hold " + rank + " sizes >= 1");
        }
        return sizes;
    }
}
