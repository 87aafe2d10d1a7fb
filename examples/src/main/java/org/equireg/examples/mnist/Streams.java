package org.equireg.examples.mnist;

import java.util.SplittableRandom;

/**
 * A run's random streams, one per purpose, derived from its seed by {@link SplittableRandom#split()}
 * in a fixed order, so purposes never share draws and every run with one seed sees the same labeled
 * images and batches. The initial weights come from {@code Init.seed(seed)}.
 *
 * @param seed the run's seed
 */
public record Streams(long seed) {

    /** Study S's choice of labeled images. */
    public SplittableRandom labels() {
        return child(0);
    }

    /** The order of the labeled batches. */
    public SplittableRandom batches() {
        return child(1);
    }

    /** The augmentation's per-image warps. */
    public SplittableRandom augmentation() {
        return child(2);
    }

    /** The regularizer's points and transform draws. */
    public SplittableRandom regularizer() {
        return child(3);
    }

    private SplittableRandom child(int index) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom child = root.split();
        for (int i = 0; i < index; i++) {
            child = root.split();
        }
        return child;
    }
}
