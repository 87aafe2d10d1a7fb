package org.equireg.examples.mnist;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.equireg.examples.cli.ProgressBar;
import org.equireg.regularizer.Distance;
import org.equireg.spark.sweep.RunFunction;
import org.equireg.spark.sweep.Settings;

/**
 * One run of the MNIST sweep on an executor: the study's regularized run of its protocol (R: the
 * regularizer at the training batch, all labels; S: at 64 unlabeled images, 100 labels), with the
 * settings' distance, lambda, epsilon and rotation range, trained by {@link StudyTrainer} exactly as
 * in the study.
 *
 * <p>Metrics: {@code accuracy} (upright test accuracy), {@code accuracy_<d>} at each rotation
 * {@code d} of {@link RotationAccuracy#DEGREES} (mean of +-d), {@code train_seconds} and
 * {@code cpu_seconds} of the training steps.
 *
 * @param data   folder with the mnist10k IDX files, read once per executor JVM
 * @param quick  a smoke run: 3 steps, 64 test images
 * @param epochs protocol R's epochs
 * @param steps  protocol S's steps
 */
public record MnistSweepRun(String data, boolean quick, int epochs, int steps) implements RunFunction {
    private static final long serialVersionUID = 1L;
    private static final int QUICK_TEST_IMAGES = 64;
    private static final int QUICK_STEPS = 3;
    private static final int CHECKPOINT_EVERY = 250;
    private static final Map<String, MnistData.Parts> LOADED = new LinkedHashMap<>();

    /** The distance a setting names: {@code kl}, {@code ce_logits} or {@code l2}. */
    public static Distance distance(String name) {
        return switch (name) {
            case "kl" -> Distance.KL_LOGITS;
            case "ce_logits" -> Distance.CROSS_ENTROPY_LOGITS;
            case "l2" -> Distance.L2;
            default -> throw new IllegalArgumentException("unknown distance '" + name + "'; use kl, ce_logits or l2");
        };
    }

    @Override
    public Map<String, Double> run(Settings settings, long seed) throws IOException {
        String protocol = settings.string("protocol");
        StudyRun.Points points = "R".equals(protocol) ? StudyRun.Points.BATCH : StudyRun.Points.UNLABELED;
        StudyRun run = new StudyRun(protocol, "reg " + settings.canonical(), false, points, distance(settings.string("distance")),
                settings.number("lambda"), settings.number("epsilon"), settings.number("degrees"));
        MnistData.Parts parts = parts(data);
        MnistData test = quick ? parts.test().head(QUICK_TEST_IMAGES) : parts.test();
        StudyTrainer trainer = new StudyTrainer(quick
                ? new StudyTrainer.Budget(1, QUICK_STEPS, QUICK_STEPS, 1, true)
                : new StudyTrainer.Budget(epochs, steps, Integer.MAX_VALUE, CHECKPOINT_EVERY, true));
        ProgressBar silent = new ProgressBar(new PrintStream(OutputStream.nullOutputStream()), false, "run",
                trainer.totalSteps(protocol, parts.pool().size()), System::nanoTime);
        RunOutcome outcome = "R".equals(protocol) ? trainer.robustness(run, seed, parts.pool(), test, silent)
                : trainer.semiSupervised(run, seed, parts.pool(), test, silent);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", outcome.upright());
        for (int k = 1; k < RotationAccuracy.DEGREES.length; k++) {
            metrics.put("accuracy_" + RotationAccuracy.DEGREES[k], outcome.rotations().accuracy()[k]);
        }
        metrics.put("train_seconds", outcome.trainSeconds());
        metrics.put("cpu_seconds", outcome.cpuSeconds());
        return metrics;
    }

    /** The study's split of the data in {@code folder}, loaded once per JVM (every run of an executor shares it). */
    private static MnistData.Parts parts(String folder) throws IOException {
        synchronized (LOADED) {
            MnistData.Parts parts = LOADED.get(folder);
            if (parts == null) {
                parts = MnistData.load(Path.of(folder)).split(MnistData.TEST_SIZE, new SplittableRandom(MnistData.SPLIT_SEED));
                LOADED.put(folder, parts);
            }
            return parts;
        }
    }
}
