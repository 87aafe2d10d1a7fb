package org.equireg.examples.digits;

/**
 * What one epoch of one run measured.
 *
 * @param epoch             1-based
 * @param trainLoss         mean cross-entropy over the epoch's batches (task loss only, no penalty)
 * @param trainAccuracy     fraction of training images classified right during the epoch
 * @param testAccuracy      fraction of upright test images classified right after the epoch
 * @param rotatedAccuracy   the same on the test set rotated by 90, 180 and 270 degrees (mean of the three)
 * @param equivarianceError measured equivariance error on the test images after the epoch
 *                          (see {@link Evaluation})
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double testAccuracy,
                          double rotatedAccuracy, double equivarianceError) {
}
