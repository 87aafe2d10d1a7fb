package org.equireg.examples.digits;

import java.util.SplittableRandom;

/**
 * The demo's random streams, one per purpose, all derived from one seed by
 * {@link SplittableRandom#split()} in a fixed order, so a run is reproducible bit for bit and the
 * purposes do not share draws. The initial weights come from {@code Init.seed(seed)}.
 *
 * @param seed the demo's {@code --seed}
 */
public record Streams(long seed) {

    /** The train/test split. */
    public SplittableRandom split() {
        return child(0);
    }

    /** The order of the training batches (reshuffled every epoch). */
    public SplittableRandom batches() {
        return child(1);
    }

    /** The regularizer's box points and pair draws. */
    public SplittableRandom regularizer() {
        return child(2);
    }

    /** The validation split of the training set, used only by {@link DigitsSweep}. */
    public SplittableRandom validation() {
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
