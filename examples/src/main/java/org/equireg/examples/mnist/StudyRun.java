package org.equireg.examples.mnist;

import java.util.List;
import java.util.Locale;
import org.equireg.regularizer.Distance;
import org.equireg.regularizer.transforms.Padding;
import org.equireg.regularizer.transforms.RandomAffine;

/**
 * One run of a study: whether the labeled images are augmented, and where the regularizer's points
 * come from (if anywhere), with its distance and weight.
 *
 * @param study    "R" (robustness) or "S" (semi-supervised)
 * @param name     short name for tables and charts
 * @param augment  warp each labeled image by its own draw of {@link #transform}
 * @param points   where the regularizer's points come from
 * @param distance the regularizer's distance; null without a regularizer
 * @param lambda   the regularizer's weight
 * @param epsilon  the regularizer's tolerance: errors below it cost nothing
 * @param degrees  the largest rotation of the study's warp, in degrees (study S adds its shift)
 * @param lie      the regularizer is the Lie derivative along rotation instead of finite rotations
 */
public record StudyRun(String study, String name, boolean augment, Points points, Distance distance, double lambda, double epsilon,
                       double degrees, boolean lie) {

    /** A run with the studies' fixed epsilon 0 and the study's rotation range. */
    public StudyRun(String study, String name, boolean augment, Points points, Distance distance, double lambda, boolean lie) {
        this(study, name, augment, points, distance, lambda, 0, "R".equals(study) ? ROBUSTNESS_DEGREES : SEMI_DEGREES, lie);
    }

    /** A run with a finite-rotation regularizer (or none) at the given tolerance and rotation range. */
    public StudyRun(String study, String name, boolean augment, Points points, Distance distance, double lambda, double epsilon,
                    double degrees) {
        this(study, name, augment, points, distance, lambda, epsilon, degrees, false);
    }

    /** Where the regularizer's points come from. */
    public enum Points {
        /** No regularizer. */
        NONE,
        /** 64 points uniform in the box [0, 1]^(1x28x28), the reference package's default. */
        BOX,
        /** The training batch the task loss ran through (its forward pass reused). */
        BATCH,
        /** 64 unlabeled pool images per step, drawn with replacement. */
        UNLABELED
    }

    /** The regularizer's points per step (box and unlabeled runs). */
    public static final int POINTS_PER_STEP = 64;
    /** Study R's transform: a rotation uniform in +-45 degrees. */
    public static final double ROBUSTNESS_DEGREES = 45;
    /** Study S's transform: a rotation uniform in +-15 degrees and a shift uniform in +-2 pixels. */
    public static final double SEMI_DEGREES = 15;
    /** Study S's largest shift in pixels, per axis. */
    public static final double SEMI_SHIFT = 2;

    /**
     * The Lie regularizer's weight that matches the KL regularizer (lambda 1) to second order: for a
     * rotation by t, {@code KL(p(x) || p(T_t x)) = t^2 / 2 * L^T F L + O(t^3)} with F the Fisher
     * matrix of the softmax, and {@code L^T F L = 4 ||L sqrt(p)||^2}; with t uniform in +-a,
     * {@code E t^2 = a^2 / 3}, so {@code E KL = 2 E t^2 ||L sqrt(p)||^2}.
     */
    static double lieLambda(double degrees) {
        double radians = Math.toRadians(degrees);
        return 2 * radians * radians / 3;
    }

    /** Study R's runs: the issue's five, then the Lie regularizer. */
    public static List<StudyRun> robustness() {
        return List.of(
                new StudyRun("R", "baseline", false, Points.NONE, null, 0, false),
                new StudyRun("R", "augment", true, Points.NONE, null, 0, false),
                new StudyRun("R", "reg box", false, Points.BOX, Distance.KL_LOGITS, 1, false),
                new StudyRun("R", "reg batch", false, Points.BATCH, Distance.KL_LOGITS, 1, false),
                new StudyRun("R", "augment + reg batch", true, Points.BATCH, Distance.KL_LOGITS, 1, false),
                new StudyRun("R", "Lie reg batch", false, Points.BATCH, null, lieLambda(ROBUSTNESS_DEGREES), true));
    }

    /** Study S's runs: the issue's five, then the Lie regularizer. */
    public static List<StudyRun> semiSupervised() {
        return List.of(
                new StudyRun("S", "supervised", false, Points.NONE, null, 0, false),
                new StudyRun("S", "augment", true, Points.NONE, null, 0, false),
                new StudyRun("S", "reg unlabeled (KL)", false, Points.UNLABELED, Distance.KL_LOGITS, 1, false),
                new StudyRun("S", "augment + reg unlabeled (KL)", true, Points.UNLABELED, Distance.KL_LOGITS, 1, false),
                new StudyRun("S", "reg unlabeled (ce logits)", false, Points.UNLABELED, Distance.CROSS_ENTROPY_LOGITS, 1, false),
                new StudyRun("S", "Lie reg unlabeled", false, Points.UNLABELED, null, lieLambda(SEMI_DEGREES), true));
    }

    /** The study's random warp: augmentation per image, and the regularizer's f_in per call. */
    public RandomAffine transform() {
        return "R".equals(study)
                ? RandomAffine.rotation(Math.toRadians(degrees))
                : new RandomAffine(-Math.toRadians(degrees), Math.toRadians(degrees), SEMI_SHIFT, SEMI_SHIFT, 1, 1, Padding.ZEROS);
    }

    /** True when the run has a regularizer. */
    public boolean regularized() {
        return points != Points.NONE;
    }

    /** One line for the console and the report. */
    public String describe() {
        String warp = "R".equals(study) ? String.format(Locale.ROOT, "rotation in +-%s deg", RunNumbers.number(degrees))
                : String.format(Locale.ROOT, "rotation in +-%s deg and shift in +-%.0f px", RunNumbers.number(degrees), SEMI_SHIFT);
        String task = augment ? "cross-entropy on labeled images each warped by its own " + warp : "cross-entropy on the labeled images";
        if (!regularized()) {
            return task;
        }
        String where = switch (points) {
            case BOX -> POINTS_PER_STEP + " points uniform in [0, 1]^(1x28x28)";
            case BATCH -> lie ? "the training batch" : "the training batch (its forward pass reused)";
            case UNLABELED -> POINTS_PER_STEP + " unlabeled images";
            case NONE -> throw new IllegalStateException();
        };
        if (lie) {
            return String.format(Locale.ROOT, "%s; plus lambda %s * mean ||d/dt sqrt(softmax(model(rotate_t v)))||^2 at t = 0 at %s"
                    + " (the Lie derivative along rotation; lambda matches the KL regularizer over rotations in +-%s deg to"
                    + " second order), epsilon %s", task, RunNumbers.number(lambda), where, RunNumbers.number(degrees),
                    RunNumbers.number(epsilon));
        }
        return String.format(Locale.ROOT, "%s; plus lambda %s * %s(model(v), model(f_in v)) at %s, f_in one %s per step, epsilon %s",
                task, RunNumbers.number(lambda), distance, where, warp, RunNumbers.number(epsilon));
    }
}
