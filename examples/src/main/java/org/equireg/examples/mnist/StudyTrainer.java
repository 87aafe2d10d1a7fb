package org.equireg.examples.mnist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.equireg.examples.cli.ProgressBar;
import org.equireg.examples.report.LieMeasurement;
import org.equireg.nn.Adam;
import org.equireg.nn.Init;
import org.equireg.nn.Losses;
import org.equireg.nn.Module;
import org.equireg.nn.Sequential;
import org.equireg.nn.data.Batch;
import org.equireg.nn.data.DataLoader;
import org.equireg.nn.data.TensorDataset;
import org.equireg.regularizer.EquivarianceError;
import org.equireg.regularizer.TransformPair;
import org.equireg.regularizer.lie.LieGenerator;
import org.equireg.regularizer.samplers.Samplers;
import org.equireg.regularizer.transforms.Padding;
import org.equireg.regularizer.transforms.RandomAffine;

/**
 * Trains one run of either study: a fresh {@link MnistCnn} from the seed, Adam (lr 1e-3) on
 * cross-entropy over batches of 64, plus the run's regularizer.
 *
 * <p>Runs with one seed start from the same weights and see the same labeled batches; the
 * augmentation draws, the regularizer's draws and the batch order come from separate streams,
 * so the runs differ only by what they add.
 */
public final class StudyTrainer {
    /** Images per labeled batch. */
    public static final int BATCH_SIZE = 64;
    /** Adam's step size. */
    public static final double LEARNING_RATE = 1e-3;
    private static final int[] INPUT_SHAPE = {1, MnistData.SIDE, MnistData.SIDE};

    /**
     * How much to train.
     *
     * @param epochs         study R's passes over the training images
     * @param steps          study S's steps
     * @param maxBatches     study R's steps per epoch at most ({@code Integer.MAX_VALUE}: all)
     * @param checkpointEvery study S's steps between history checkpoints
     * @param reuse          whether the batch-point regularizer reuses the task pass
     */
    public record Budget(int epochs, int steps, int maxBatches, int checkpointEvery, boolean reuse) {
    }

    private final Budget budget;

    /** A trainer with this budget. */
    public StudyTrainer(Budget budget) {
        this.budget = budget;
    }

    /** Study R's steps per epoch over {@code trainSize} images. */
    public int stepsPerEpoch(int trainSize) {
        return Math.min(budget.maxBatches(), (trainSize + BATCH_SIZE - 1) / BATCH_SIZE);
    }

    /** The study's total steps for a run. */
    public long totalSteps(String study, int trainSize) {
        return "R".equals(study) ? (long) budget.epochs() * stepsPerEpoch(trainSize) : budget.steps();
    }

    /** Study R: all labels of {@code train}, epochs of shuffled batches, accuracy per epoch. */
    public RunOutcome robustness(StudyRun run, long seed, MnistData train, MnistData test, ProgressBar progress) {
        Streams streams = new Streams(seed);
        Step step = new Step(run, streams, null);
        DataLoader loader = new DataLoader(new TensorDataset(train.images(), train.labels()), BATCH_SIZE, streams.batches(), false);
        int steps = stepsPerEpoch(train.size());
        List<RunOutcome.Checkpoint> history = new ArrayList<>();
        long nanos = 0;
        long cpuNanos = 0;
        for (int epoch = 1; epoch <= budget.epochs(); epoch++) {
            long start = System.nanoTime();
            long cpuStart = ProcessCpu.nanos();
            int done = 0;
            for (Batch batch : loader) {
                if (done == steps) {
                    break;
                }
                step.run(batch.inputs(), batch.targets());
                done++;
                progress.update((long) (epoch - 1) * steps + done, step.status("epoch " + epoch + "/" + budget.epochs()));
            }
            nanos += System.nanoTime() - start;
            cpuNanos += ProcessCpu.nanos() - cpuStart;
            String status = step.status("epoch " + epoch + "/" + budget.epochs());
            history.add(step.checkpoint(epoch, RotationAccuracy.upright(step.model, test)));
            progress.checkpoint((long) epoch * steps, status
                    + String.format(Locale.ROOT, "  test %.1f%%", 100 * history.get(history.size() - 1).testAccuracy()));
        }
        return finish(run, seed, step, history, test, nanos, cpuNanos, progress);
    }

    /**
     * Study S: 10 labeled images per class drawn with the seed, batches of 64 drawn with replacement
     * from them; the regularizer's points are 64 images of the rest of the pool, labels unread.
     */
    public RunOutcome semiSupervised(StudyRun run, long seed, MnistData pool, MnistData test, ProgressBar progress) {
        Streams streams = new Streams(seed);
        MnistData[] parts = pool.labeledSplit(10, streams.labels());
        MnistData labeled = parts[0];
        Step step = new Step(run, streams, parts[1].images());
        SplittableRandom batches = streams.batches();
        List<RunOutcome.Checkpoint> history = new ArrayList<>();
        long nanos = 0;
        long cpuNanos = 0;
        long start = System.nanoTime();
        long cpuStart = ProcessCpu.nanos();
        for (int done = 1; done <= budget.steps(); done++) {
            int[] rows = new int[BATCH_SIZE];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = batches.nextInt(labeled.size());
            }
            MnistData batch = labeled.subset(rows);
            step.run(batch.images(), batch.labels());
            progress.update(done, step.status("step " + done + "/" + budget.steps()));
            if (done % budget.checkpointEvery() == 0 || done == budget.steps()) {
                nanos += System.nanoTime() - start;
                cpuNanos += ProcessCpu.nanos() - cpuStart;
                String status = step.status("step " + done + "/" + budget.steps());
                history.add(step.checkpoint(done, RotationAccuracy.upright(step.model, test)));
                progress.checkpoint(done, status
                        + String.format(Locale.ROOT, "  test %.1f%%", 100 * history.get(history.size() - 1).testAccuracy()));
                start = System.nanoTime();
                cpuStart = ProcessCpu.nanos();
            }
        }
        return finish(run, seed, step, history, test, nanos, cpuNanos, progress);
    }

    private static RunOutcome finish(StudyRun run, long seed, Step step, List<RunOutcome.Checkpoint> history, MnistData test,
                                     long nanos, long cpuNanos, ProgressBar progress) {
        RotationAccuracy rotations = RotationAccuracy.measure(step.model, test);
        LieMeasurement lie = LieMeasurement.of(step.model, test.images(), true);
        progress.finish(String.format(Locale.ROOT, "test %.1f%%, at 45 deg %.1f%%, at 60 deg %.1f%%", 100 * rotations.accuracy()[0],
                100 * rotations.accuracy()[3], 100 * rotations.accuracy()[4]));
        return new RunOutcome(run, seed, history, rotations, nanos / 1e9, cpuNanos / 1e9, lie);
    }

    /** The model, optimizer, augmentation and regularizer of one run, and its running sums. */
    private final class Step {
        private final StudyRun run;
        private final Module model;
        private final Adam optimizer;
        private final RandomAffine warp;
        private final SplittableRandom augmentation;
        private final EquivarianceError regularizer;
        private double lossSum;
        private double penaltySum;
        private int count;

        Step(StudyRun run, Streams streams, Tensor unlabeled) {
            this.run = run;
            Init.seed(streams.seed());
            this.model = MnistCnn.create();
            this.optimizer = new Adam(model.parameters(), LEARNING_RATE);
            this.warp = run.transform();
            this.augmentation = streams.augmentation();
            this.regularizer = run.regularized() ? regularizer(run, model, streams.regularizer(), unlabeled) : null;
        }

        private EquivarianceError regularizer(StudyRun spec, Module net, SplittableRandom random, Tensor unlabeled) {
            EquivarianceError.Builder builder = spec.lie()
                    ? EquivarianceError.builder(new Sequential(net, new SqrtProbabilities()), INPUT_SHAPE,
                            List.of(TransformPair.lieInvariance(LieGenerator.rotation(Padding.ZEROS), spec.epsilon(), spec.lambda())))
                    : EquivarianceError.builder(net, INPUT_SHAPE, List.of(TransformPair.invariance(spec.transform(), spec.epsilon(),
                            spec.lambda()).named(spec.transform().toString()))).distance(spec.distance());
            builder.sampleSize(StudyRun.POINTS_PER_STEP).random(random);
            if (spec.points() == StudyRun.Points.UNLABELED) {
                builder.sampler(Samplers.fromData(unlabeled));
            }
            return builder.build();
        }

        void run(Tensor images, Tensor labels) {
            Tensor inputs = run.augment() ? warp.applyPerSample(images, augmentation) : images;
            Tensor logits = model.forward(inputs);
            Tensor loss = Losses.crossEntropy(logits, labels);
            Tensor penalty = switch (run.points()) {
                case NONE -> null;
                case BOX, UNLABELED -> regularizer.compute();
                // the Lie pair linearises the model at the batch itself: there is no task pass to reuse
                case BATCH -> budget.reuse() && !run.lie() ? regularizer.compute(inputs, logits) : regularizer.compute(inputs);
            };
            Tensor objective = penalty == null ? loss : loss.add(penalty);
            optimizer.zeroGrad();
            objective.backward();
            optimizer.step();
            lossSum += loss.item();
            penaltySum += penalty == null ? 0 : penalty.item();
            count++;
        }

        String status(String where) {
            return String.format(Locale.ROOT, "%s  loss %.3f%s", where, lossSum / Math.max(1, count),
                    regularizer == null ? "" : String.format(Locale.ROOT, "  penalty %.3f", penaltySum / Math.max(1, count)));
        }

        RunOutcome.Checkpoint checkpoint(int at, double testAccuracy) {
            RunOutcome.Checkpoint point = new RunOutcome.Checkpoint(at, lossSum / Math.max(1, count), penaltySum / Math.max(1, count),
                    testAccuracy);
            lossSum = 0;
            penaltySum = 0;
            count = 0;
            return point;
        }
    }
}
