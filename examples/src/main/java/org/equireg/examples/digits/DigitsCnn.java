package org.equireg.examples.digits;

import org.equireg.nn.Conv2d;
import org.equireg.nn.Flatten;
import org.equireg.nn.Linear;
import org.equireg.nn.MaxPool2d;
import org.equireg.nn.ReLU;
import org.equireg.nn.Sequential;

/**
 * The demo's model: (batch, 1, 8, 8) images to (batch, 10) logits.
 *
 * <pre>
 * conv 3x3, 1 -> 8 channels, padding 1, ReLU     (batch, 8, 8, 8)
 * conv 3x3, 8 -> 16 channels, padding 1, ReLU    (batch, 16, 8, 8)
 * max-pool 2x2                                   (batch, 16, 4, 4)
 * flatten, linear 256 -> 64, ReLU                (batch, 64)
 * linear 64 -> 10                                (batch, 10)
 * </pre>
 *
 * Nothing in it is rotation invariant: the regularizer has to teach that.
 */
public final class DigitsCnn {
    private static final int FIRST_CHANNELS = 8;
    private static final int SECOND_CHANNELS = 16;
    private static final int HIDDEN = 64;

    private DigitsCnn() {
    }

    /** A fresh model, initialised from {@code org.equireg.nn.Init.defaultRandom()}. */
    public static Sequential create() {
        int pooledSide = Digits.SIDE / 2;
        return new Sequential(
                new Conv2d(1, FIRST_CHANNELS, 3, 1, 1),
                new ReLU(),
                new Conv2d(FIRST_CHANNELS, SECOND_CHANNELS, 3, 1, 1),
                new ReLU(),
                new MaxPool2d(2),
                new Flatten(),
                new Linear(SECOND_CHANNELS * pooledSide * pooledSide, HIDDEN),
                new ReLU(),
                new Linear(HIDDEN, Digits.CLASSES));
    }
}
