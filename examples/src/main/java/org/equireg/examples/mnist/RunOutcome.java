package org.equireg.examples.mnist;

import java.util.List;
import org.equireg.examples.report.LieMeasurement;

/**
 * What one run produced.
 *
 * @param run          the setting
 * @param seed         the seed (study S: the label draw)
 * @param history      test accuracy (upright) at checkpoints: epochs for study R, every few hundred steps for study S
 * @param rotations    test accuracy at every angle of {@link RotationAccuracy#DEGREES}, and predictions
 * @param trainSeconds wall time of the training steps, evaluations excluded
 * @param cpuSeconds   CPU time of the whole process during the training steps (all threads), which
 *                     measures the work even when other programs share the cores
 * @param lie          the trained model's Lie derivatives on test images
 */
public record RunOutcome(StudyRun run, long seed, List<Checkpoint> history, RotationAccuracy rotations, double trainSeconds,
                         double cpuSeconds, LieMeasurement lie) {

    /**
     * One point of the training history.
     *
     * @param step         epoch (study R) or step (study S)
     * @param trainLoss    mean cross-entropy since the previous checkpoint
     * @param penalty      mean regularizer penalty since the previous checkpoint (0 without one)
     * @param testAccuracy upright test accuracy
     */
    public record Checkpoint(int step, double trainLoss, double penalty, double testAccuracy) {
    }

    /** Upright test accuracy at the end. */
    public double upright() {
        return rotations.accuracy()[0];
    }
}
