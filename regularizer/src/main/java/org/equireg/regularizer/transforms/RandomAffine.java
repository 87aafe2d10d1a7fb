package org.equireg.regularizer.transforms;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.equireg.core.Arguments;
import org.equireg.core.Tensor;

/**
 * Random affine warps of images: a rotation by an angle uniform in {@code [minRadians, maxRadians]},
 * a scaling by a factor uniform in {@code [minScale, maxScale]} and a shift uniform in
 * {@code [-maxShiftX, maxShiftX] x [-maxShiftY, maxShiftY]} pixels, {@code p -> s R p + t} about the
 * image centre (see {@link Transforms#affine}), bilinear.
 *
 * <p>Two uses, one warping kernel: as a {@link RandomTransform}, {@link #draw} gives one warp for a
 * whole batch (the regularizer's f_in, one draw per call); {@link #applyPerSample} warps each image
 * of a batch by its own draw, which is data augmentation. PyTorch:
 * {@code torchvision.transforms.RandomAffine(degrees, translate, scale, interpolation=BILINEAR)}
 * applied per image, except that torchvision rounds its shift to whole pixels and measures it as a
 * fraction of the size, and offers shear, which this does not.
 */
public final class RandomAffine implements RandomTransform {
    private final double minRadians;
    private final double maxRadians;
    private final double maxShiftX;
    private final double maxShiftY;
    private final double minScale;
    private final double maxScale;
    private final Padding padding;

    /**
     * The family of warps.
     *
     * @param minRadians lower end of the rotation angle (counterclockwise), finite
     * @param maxRadians upper end, at least minRadians
     * @param maxShiftX  largest horizontal shift in pixels (right is positive), >= 0 and at most
     *     {@code Double.MAX_VALUE / 2}; a shift past the image reads only the padding
     * @param maxShiftY  largest vertical shift in pixels (up is positive), the same range
     * @param minScale   smallest scale factor, > 0
     * @param maxScale   largest scale factor, at least minScale
     * @param padding    what the warp reads outside the image
     */
    public RandomAffine(double minRadians, double maxRadians, double maxShiftX, double maxShiftY, double minScale,
                        double maxScale, Padding padding) {
        requireRange("angle", minRadians, maxRadians);
        requireRange("scale", minScale, maxScale);
        if (!(minScale > 0)) {
            throw new IllegalArgumentException("RandomAffine: minScale must be > 0, got " + minScale);
        }
        // 2 maxShift finite: a shift is drawn from [-maxShift, maxShift], a range of width 2 maxShift
        if (!(maxShiftX >= 0) || !(maxShiftY >= 0) || !Double.isFinite(2 * maxShiftX) || !Double.isFinite(2 * maxShiftY)) {
            throw new IllegalArgumentException("RandomAffine: the largest shifts must be >= 0 and at most half of "
                    + "Double.MAX_VALUE, got maxShiftX = " + maxShiftX + ", maxShiftY = " + maxShiftY);
        }
        this.minRadians = minRadians;
        this.maxRadians = maxRadians;
        this.maxShiftX = maxShiftX;
        this.maxShiftY = maxShiftY;
        this.minScale = minScale;
        this.maxScale = maxScale;
        this.padding = Arguments.notNull(padding, "RandomAffine", "padding");
    }

    // The width max - min must be finite too: a draw is min + (max - min) u.
    private static void requireRange(String what, double min, double max) {
        if (!(min <= max) || !Double.isFinite(max - min)) {
            throw new IllegalArgumentException("RandomAffine: the " + what + " range needs finite min <= max whose width"
                    + " max - min is finite too, got " + min + " and " + max);
        }
    }

    /** Rotations only, by an angle uniform in {@code [-maxRadians, maxRadians]}, zero padding. */
    public static RandomAffine rotation(double maxRadians) {
        return new RandomAffine(-maxRadians, maxRadians, 0, 0, 1, 1, Padding.ZEROS);
    }

    /** One warp drawn from the family, for every image of a batch. */
    @Override
    public Transform draw(RandomGenerator random) {
        return drawWarp(Arguments.notNull(random, "RandomAffine.draw", "random"));
    }

    /**
     * Each image of {@code images (batch, ..., height, width)} warped by its own draw (its channels
     * share it); differentiable in the images. Draws in batch order, so the same generator state gives
     * the same result.
     *
     * @param images the batch. Not modified.
     * @param random the source of the draws. Modified (advanced).
     */
    public Tensor applyPerSample(Tensor images, RandomGenerator random) {
        Axes.requireImages("RandomAffine.applyPerSample", images);
        Arguments.notNull(random, "RandomAffine.applyPerSample", "random");
        int height = images.dim(-2);
        int width = images.dim(-1);
        BilinearSampling.Plan[] plans = new BilinearSampling.Plan[images.dim(0)];
        for (int b = 0; b < plans.length; b++) {
            plans[b] = drawWarp(random).plan(height, width);
        }
        return plans.length == 0 ? images : BilinearSampling.apply(images, plans);
    }

    private AffineWarp drawWarp(RandomGenerator random) {
        double angle = uniform(random, minRadians, maxRadians);
        double scale = uniform(random, minScale, maxScale);
        double shiftX = uniform(random, -maxShiftX, maxShiftX);
        double shiftY = uniform(random, -maxShiftY, maxShiftY);
        double cos = scale * Math.cos(angle);
        double sin = scale * Math.sin(angle);
        return new AffineWarp(new double[][] {{cos, -sin}, {sin, cos}}, shiftX, shiftY, padding,
                String.format(Locale.ROOT, "affine(rotate %.6g rad, scale %.6g, shift (%.6g, %.6g))", angle, scale, shiftX, shiftY));
    }

    // A degenerate range draws nothing, so adding a fixed factor leaves the other draws unchanged.
    private static double uniform(RandomGenerator random, double min, double max) {
        return min == max ? min : min + (max - min) * random.nextDouble();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RandomAffine(angle [%.6g, %.6g] rad, shift +-(%.6g, %.6g) px, scale [%.6g, %.6g], %s padding)",
                minRadians, maxRadians, maxShiftX, maxShiftY, minScale, maxScale, padding.name().toLowerCase(Locale.ROOT));
    }
}
