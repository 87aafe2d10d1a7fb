package org.equireg.examples.mnist;

import org.equireg.nn.Conv2d;
import org.equireg.nn.Flatten;
import org.equireg.nn.Linear;
import org.equireg.nn.MaxPool2d;
import org.equireg.nn.ReLU;
import org.equireg.nn.Sequential;

/**
 * The study's model, fixed by the protocol: (batch, 1, 28, 28) images to (batch, 10) logits.
 *
 * <pre>
 * conv 3x3, 1 -> 16 channels, padding 1, ReLU, max-pool 2     (batch, 16, 14, 14)
 * conv 3x3, 16 -> 32 channels, padding 1, ReLU, max-pool 2    (batch, 32, 7, 7)
 * flatten, linear 1568 -> 128, ReLU                           (batch, 128)
 * linear 128 -> 10                                            (batch, 10)
 * </pre>
 *
 * No batch norm or dropout, so the regularizer may reuse the task's forward pass exactly.
 */
public final class MnistCnn {
    private static final int FIRST_CHANNELS = 16;
    private static final int SECOND_CHANNELS = 32;
    private static final int HIDDEN = 128;
    private static final int CLASSES = 10;

    private MnistCnn() {
    }

    /** A fresh model, initialised from {@code org.equireg.nn.Init.defaultRandom()}. */
    public static Sequential create() {
        int pooledSide = MnistData.SIDE / 4;
        return new Sequential(
                new Conv2d(1, FIRST_CHANNELS, 3, 1, 1),
                new ReLU(),
                new MaxPool2d(2),
                new Conv2d(FIRST_CHANNELS, SECOND_CHANNELS, 3, 1, 1),
                new ReLU(),
                new MaxPool2d(2),
                new Flatten(),
                new Linear(SECOND_CHANNELS * pooledSide * pooledSide, HIDDEN),
                new ReLU(),
                new Linear(HIDDEN, CLASSES));
    }
}
