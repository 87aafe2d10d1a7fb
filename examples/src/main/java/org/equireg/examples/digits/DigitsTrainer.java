package org.equireg.examples.digits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;
import org.equireg.examples.cli.ProgressBar;
import org.equireg.examples.report.LieMeasurement;
import org.equireg.nn.Adam;
import org.equireg.nn.Init;
import org.equireg.nn.Losses;
import org.equireg.nn.Module;
import org.equireg.nn.data.Batch;
import org.equireg.nn.data.DataLoader;

/**
 * Trains one run: a fresh {@link DigitsCnn} from the seed, Adam on cross-entropy plus the run's
 * penalty, batches in a seeded order, and an evaluation on the test set after every epoch.
 *
 * <p>Every run with the same seed starts from the same weights and sees the same batches in the
 * same order, so runs differ only by their penalty.
 */
public final class DigitsTrainer {

    /**
     * How long and how fast to train.
     *
     * @param epochs       passes over the training set
     * @param batchSize    images per step
     * @param learningRate Adam's step size
     * @param maxBatches   steps per epoch at most (smoke tests); {@code Integer.MAX_VALUE} for all
     */
    public record Budget(int epochs, int batchSize, double learningRate, int maxBatches) {
    }

    private final Budget budget;
    private final long seed;

    /** A trainer for runs with this budget and seed. */
    public DigitsTrainer(Budget budget, long seed) {
        this.budget = budget;
        this.seed = seed;
    }

    /** Steps per epoch for a training set of {@code trainSize} images. */
    public int stepsPerEpoch(int trainSize) {
        return Math.min(budget.maxBatches(), (trainSize + budget.batchSize() - 1) / budget.batchSize());
    }

    /**
     * Trains and evaluates one run.
     *
     * @param penaltyFor builds the run's penalty for the fresh model, drawing from the given generator
     * @param progress   receives an update per step and a checkpoint per epoch
     */
    public RunResult train(RunSpec spec, BiFunction<Module, RandomGenerator, Penalty> penaltyFor, Digits train, Digits test,
                           ProgressBar progress) {
        Streams streams = new Streams(seed);
        Init.seed(seed);
        Module model = DigitsCnn.create();
        Penalty penalty = penaltyFor.apply(model, streams.regularizer());
        Adam optimizer = new Adam(model.parameters(), budget.learningRate());
        DataLoader loader = new DataLoader(train.dataset(), budget.batchSize(), streams.batches(), false);
        int steps = stepsPerEpoch(train.size());
        List<EpochRecord> history = new ArrayList<>();
        long trainNanos = 0;
        double lastError = Double.NaN;
        Evaluation evaluation = null;
        for (int epoch = 1; epoch <= budget.epochs(); epoch++) {
            long start = System.nanoTime();
            double lossSum = 0;
            int right = 0;
            int seen = 0;
            int step = 0;
            for (Batch batch : loader) {
                if (step == steps) {
                    break;
                }
                Tensor logits = model.forward(batch.inputs()); // (batch, 10)
                Tensor loss = Losses.crossEntropy(logits, batch.targets());
                Tensor extra = penalty.at(batch.inputs());
                Tensor objective = extra == null ? loss : loss.add(extra);
                optimizer.zeroGrad();
                objective.backward();
                optimizer.step();
                lossSum += loss.item() * batch.size();
                right += countRight(logits, batch.targets());
                seen += batch.size();
                step++;
                progress.update((long) (epoch - 1) * steps + step,
                        status(epoch, budget.epochs(), lossSum / seen, (double) right / seen, lastError));
            }
            trainNanos += System.nanoTime() - start;
            evaluation = Evaluation.measure(model, test.images(), test.labels());
            lastError = evaluation.equivarianceError();
            history.add(new EpochRecord(epoch, lossSum / seen, (double) right / seen, evaluation.accuracy()[0],
                    evaluation.rotatedAccuracy(), lastError));
            progress.checkpoint((long) epoch * steps,
                    status(epoch, budget.epochs(), lossSum / seen, (double) right / seen, lastError));
        }
        progress.finish(String.format(Locale.ROOT, "test acc %.1f%%, rotated %.1f%%, test equiv. error %.3f",
                100 * evaluation.accuracy()[0], 100 * evaluation.rotatedAccuracy(), evaluation.equivarianceError()));
        return new RunResult(spec, history, evaluation, trainNanos / 1e9, LieMeasurement.of(model, test.images(), true));
    }

    /**
     * The progress line: loss and accuracy on the training batches seen this epoch, and the
     * equivariance error on the test set after the last finished epoch ("-" before the first).
     */
    static String status(int epoch, int epochs, double loss, double accuracy, double equivarianceError) {
        String error = Double.isNaN(equivarianceError) ? "-" : String.format(Locale.ROOT, "%.3f", equivarianceError);
        return String.format(Locale.ROOT, "epoch %d/%d  train loss %.3f  train acc %.1f%%  test equiv. error %s", epoch, epochs,
                loss, 100 * accuracy, error);
    }

    /** Rows whose largest logit is at the target class. */
    private static int countRight(Tensor logits, Tensor targets) {
        double[] predicted = logits.argmax(1).toArray();
        double[] labels = targets.toArray();
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += predicted[i] == labels[i] ? 1 : 0;
        }
        return right;
    }
}
