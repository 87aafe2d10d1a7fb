package org.equireg.core.ops;

import java.util.SplittableRandom;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Seeded random test inputs that keep clear of the points where an op is not smooth, so finite
 * differences see one branch only. One instance per table, drawn in a fixed order, so every run
 * sees the same values.
 */
public final class Inputs {
    /** Distance {@link #awayFrom} keeps from a kink; far larger than the finite-difference step 1e-6. */
    public static final double MARGIN = 0.05;

    private final SplittableRandom random;

    /** A source seeded with {@code seed}. */
    public Inputs(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Standard normal values. */
    public Tensor normal(int... shape) {
        double[] values = new double[Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return Tensor.wrap(values, shape);
    }

    /** Uniform values in {@code [low, high)}. */
    public Tensor uniform(double low, double high, int... shape) {
        double[] values = new double[Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(low, high);
        }
        return Tensor.wrap(values, shape);
    }

    /** Normal values at least {@link #MARGIN} away from {@code kink}. */
    public Tensor awayFrom(double kink, int... shape) {
        double[] values = normal(shape).buffer();
        for (int i = 0; i < values.length; i++) {
            double offset = values[i] - kink;
            values[i] = kink + Math.copySign(Math.abs(offset) + MARGIN, offset);
        }
        return Tensor.wrap(values, shape);
    }

    /** Values of magnitude in [0.5, 2) with random signs: safe denominators. */
    public Tensor nonZero(int... shape) {
        double[] values = uniform(0.5, 2, shape).buffer();
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextBoolean() ? values[i] : -values[i];
        }
        return Tensor.wrap(values, shape);
    }

    /**
     * Pairwise distinct values, also in magnitude (a shuffled ladder of magnitudes with random
     * signs): no ties for max, pooling, maximum or the infinity norm. The rungs are 0.1 apart
     * (so a bound of the form {@code 0.1 k + 0.075} stays 0.025 clear) for up to 20 values, and
     * closer for more, so that magnitudes stay below about 2 and the rounding floor of finite
     * differences stays low; even 2000 values leave rungs 1e-3 apart, far beyond any step of the
     * checks.
     */
    public Tensor distinct(int... shape) {
        return distinctTogether(shape)[0];
    }

    /** Tensors of the given shapes whose values are all distinct from each other (as {@link #distinct(int...)}). */
    public Tensor[] distinctTogether(int[]... shapes) {
        int total = 0;
        for (int[] shape : shapes) {
            total += Shapes.size(shape);
        }
        double rung = Math.min(0.1, 2.0 / total);
        double[] ladder = new double[total];
        for (int i = 0; i < total; i++) {
            double magnitude = 0.1 + rung * (i + random.nextDouble(0, 0.5));
            ladder[i] = random.nextBoolean() ? magnitude : -magnitude;
        }
        shuffle(ladder);
        Tensor[] tensors = new Tensor[shapes.length];
        int offset = 0;
        for (int t = 0; t < shapes.length; t++) {
            int size = Shapes.size(shapes[t]);
            tensors[t] = Tensor.of(java.util.Arrays.copyOfRange(ladder, offset, offset + size), shapes[t]);
            offset += size;
        }
        return tensors;
    }

    /** A 0/1 mask with both values present when there are at least two elements. */
    public Tensor mask(int... shape) {
        double[] values = new double[Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2 == 0 ? 1 : 0;
        }
        shuffle(values);
        return Tensor.wrap(values, shape);
    }

    private void shuffle(double[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
