package org.equireg.examples.digits;

import java.util.List;

/**
 * A finished run.
 *
 * @param spec         what was trained
 * @param history      one record per epoch
 * @param test         the final evaluation on the test set
 * @param trainSeconds wall time of training (epoch-end evaluations excluded)
 */
public record RunResult(RunSpec spec, List<EpochRecord> history, Evaluation test, double trainSeconds) {
    public RunResult {
        history = List.copyOf(history);
    }
}
