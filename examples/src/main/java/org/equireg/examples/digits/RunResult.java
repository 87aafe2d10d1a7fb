package org.equireg.examples.digits;

import java.util.List;
import org.equireg.examples.report.LieMeasurement;

/**
 * A finished run.
 *
 * @param spec         what was trained
 * @param history      one record per epoch
 * @param test         the final evaluation on the test set
 * @param trainSeconds wall time of training (epoch-end evaluations excluded)
 * @param lie          the trained model's Lie derivatives on test images
 */
public record RunResult(RunSpec spec, List<EpochRecord> history, Evaluation test, double trainSeconds, LieMeasurement lie) {
    public RunResult {
        history = List.copyOf(history);
    }
}
