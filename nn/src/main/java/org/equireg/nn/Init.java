package org.equireg.nn;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.equireg.core.Arguments;
import org.equireg.core.Shapes;
import org.equireg.core.Storage;
import org.equireg.core.Tensor;

/**
 * Parameter initialisation, as {@code torch.nn.init}. Each {@code ...InPlace} method overwrites
 * every element of its tensor (Modified.) with independent draws from {@code random} and returns
 * the tensor.
 *
 * <p>Layers built without an explicit generator draw from {@link #defaultRandom()}, which
 * {@link #seed(long)} resets, so one seed fixes a whole run (PyTorch: {@code torch.manual_seed}).
 * The default generator is confined to the calling thread: every thread starts with its own
 * generator seeded with 0, and {@code Init.seed} reseeds the calling thread's only. So
 * {@code Init.seed(s)} followed by building a model gives the same weights on any thread, also while
 * other threads build models at the same time. A thread of a pool keeps its generator from one task
 * to the next: call {@code Init.seed} at the start of each task that builds a model. Draws differ
 * from PyTorch's (another generator); the distributions match.
 */
public final class Init {
    // Thread-confined, so threads building models at once neither interleave draws nor race on a shared generator.
    private static final ThreadLocal<RandomGenerator> DEFAULT_RANDOM = ThreadLocal.withInitial(() -> new SplittableRandom(0));

    private Init() {
    }

    /**
     * The calling thread's generator, used by layers constructed without one (seed 0 until
     * {@link #seed(long)} is called on this thread). Not thread-safe: use it on this thread only.
     */
    public static RandomGenerator defaultRandom() {
        return DEFAULT_RANDOM.get();
    }

    /** Replaces the calling thread's default generator by a fresh one seeded with {@code seed}; other threads keep theirs. */
    public static void seed(long seed) {
        DEFAULT_RANDOM.set(new SplittableRandom(seed));
    }

    // ------------------------------------------------------------------ fans and gains

    /** Fan-in and fan-out of a weight: for shape (out, in, k1, k2, ...), in * k1 * k2 ... and out * k1 * k2 .... */
    public record Fans(int fanIn, int fanOut) {
        /** The fans of a weight of the given shape (rank &gt;= 2). PyTorch: {@code _calculate_fan_in_and_fan_out}. */
        public static Fans of(int... shape) {
            if (shape.length < 2) {
                throw new IllegalArgumentException("Init.Fans.of: needs a weight of rank >= 2, got shape " + Shapes.str(shape));
            }
            int receptiveField = Shapes.inner(shape, 1);
            return new Fans(shape[1] * receptiveField, shape[0] * receptiveField);
        }
    }

    /** Which fan the Kaiming methods scale by: {@code FAN_IN} keeps forward variance, {@code FAN_OUT} backward. */
    public enum FanMode {
        /** Scale by fan-in (PyTorch's default). */
        FAN_IN,
        /** Scale by fan-out. */
        FAN_OUT
    }

    /** The activation that follows a layer, for its recommended gain. PyTorch: {@code calculate_gain}. */
    public enum Nonlinearity {
        /** Gain 1 (also conv layers and sigmoid). */
        LINEAR,
        /** Gain 5/3. */
        TANH,
        /** Gain sqrt(2). */
        RELU,
        /** Gain sqrt(2 / (1 + slope^2)). */
        LEAKY_RELU;

        /** The gain; {@code negativeSlope} is read by {@link #LEAKY_RELU} only. */
        public double gain(double negativeSlope) {
            if (!Double.isFinite(negativeSlope)) {
                throw new IllegalArgumentException("Init.Nonlinearity.gain: negativeSlope = " + negativeSlope
                        + " is not finite");
            }
            switch (this) {
                case TANH:
                    return 5.0 / 3;
                case RELU:
                    return Math.sqrt(2.0);
                case LEAKY_RELU:
                    return Math.sqrt(2.0 / (1 + negativeSlope * negativeSlope));
                default:
                    return 1.0;
            }
        }
    }

    // ------------------------------------------------------------------ distributions

    /** Draws from U[low, high). PyTorch: {@code uniform_}. */
    public static Tensor uniformInPlace(Tensor tensor, double low, double high, RandomGenerator random) {
        checkTarget("Init.uniformInPlace", tensor, random);
        if (!(low <= high) || Double.isInfinite(low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("Init.uniformInPlace: needs finite low <= high, got low = " + low
                    + ", high = " + high);
        }
        Storage values = tensor.storage();
        for (int i = 0; i < values.length(); i++) {
            values.set(i, low + (high - low) * random.nextDouble()); // float32: the float64 draw, rounded
        }
        tensor.bumpVersion();
        return tensor;
    }

    /** Draws from N(mean, std^2). PyTorch: {@code normal_}. */
    public static Tensor normalInPlace(Tensor tensor, double mean, double std, RandomGenerator random) {
        checkTarget("Init.normalInPlace", tensor, random);
        if (!(std >= 0) || Double.isInfinite(std) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("Init.normalInPlace: needs a finite mean and a finite std >= 0, got mean = "
                    + mean + ", std = " + std);
        }
        Storage values = tensor.storage();
        for (int i = 0; i < values.length(); i++) {
            values.set(i, mean + std * random.nextGaussian());
        }
        tensor.bumpVersion();
        return tensor;
    }

    /** Sets every element to {@code value}. PyTorch: {@code constant_}. */
    public static Tensor constantInPlace(Tensor tensor, double value) {
        Storage values = Arguments.notNull(tensor, "Init.constantInPlace", "tensor").storage();
        for (int i = 0; i < values.length(); i++) {
            values.set(i, value);
        }
        tensor.bumpVersion();
        return tensor;
    }

    /**
     * U(-bound, bound) with {@code bound = gain * sqrt(3 / fan)}, so the variance is gain^2 / fan
     * (He et al., 2015, "Delving deep into rectifiers"). PyTorch: {@code kaiming_uniform_}.
     *
     * @param negativeSlope the leaky-ReLU slope {@code a} used by {@link Nonlinearity#LEAKY_RELU}
     */
    public static Tensor kaimingUniformInPlace(Tensor tensor, double negativeSlope, FanMode mode,
                                               Nonlinearity nonlinearity, RandomGenerator random) {
        double std = kaimingStd("Init.kaimingUniformInPlace", tensor, negativeSlope, mode, nonlinearity, random);
        double bound = Math.sqrt(3.0) * std;
        return uniformInPlace(tensor, -bound, bound, random);
    }

    /** {@link #kaimingUniformInPlace(Tensor, double, FanMode, Nonlinearity, RandomGenerator)} with PyTorch's defaults: fan-in, leaky ReLU. */
    public static Tensor kaimingUniformInPlace(Tensor tensor, double negativeSlope, RandomGenerator random) {
        return kaimingUniformInPlace(tensor, negativeSlope, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, random);
    }

    /** N(0, std^2) with {@code std = gain / sqrt(fan)}. PyTorch: {@code kaiming_normal_}. */
    public static Tensor kaimingNormalInPlace(Tensor tensor, double negativeSlope, FanMode mode,
                                              Nonlinearity nonlinearity, RandomGenerator random) {
        double std = kaimingStd("Init.kaimingNormalInPlace", tensor, negativeSlope, mode, nonlinearity, random);
        return normalInPlace(tensor, 0, std, random);
    }

    /**
     * U(-bound, bound) with {@code bound = gain * sqrt(6 / (fanIn + fanOut))} (Glorot and Bengio,
     * 2010). PyTorch: {@code xavier_uniform_}.
     */
    public static Tensor xavierUniformInPlace(Tensor tensor, double gain, RandomGenerator random) {
        Fans fans = xavierFans("Init.xavierUniformInPlace", tensor, gain, random);
        double std = gain * Math.sqrt(2.0 / (fans.fanIn() + fans.fanOut()));
        double bound = Math.sqrt(3.0) * std;
        return uniformInPlace(tensor, -bound, bound, random);
    }

    /** N(0, std^2) with {@code std = gain * sqrt(2 / (fanIn + fanOut))}. PyTorch: {@code xavier_normal_}. */
    public static Tensor xavierNormalInPlace(Tensor tensor, double gain, RandomGenerator random) {
        Fans fans = xavierFans("Init.xavierNormalInPlace", tensor, gain, random);
        return normalInPlace(tensor, 0, gain * Math.sqrt(2.0 / (fans.fanIn() + fans.fanOut())), random);
    }

    /**
     * PyTorch's {@code reset_parameters()} of Linear and Conv2d: the weight Kaiming-uniform with
     * a = sqrt(5), which is U(-1/sqrt(fanIn), 1/sqrt(fanIn)), then the bias (when not null) from the
     * same range. Draws the weight first.
     */
    public static void layerDefaultsInPlace(Tensor weight, Tensor bias, RandomGenerator random) {
        checkTarget("Init.layerDefaultsInPlace", weight, random);
        if (bias != null && (bias.rank() != 1 || weight.rank() < 1 || bias.dim(0) != weight.dim(0))) {
            throw new IllegalArgumentException("Init.layerDefaultsInPlace: bias of shape " + Shapes.str(bias.shape())
                    + " does not match weight of shape " + Shapes.str(weight.shape()) + "; expected [out]");
        }
        kaimingUniformInPlace(weight, Math.sqrt(5.0), random);
        if (bias != null) {
            double bound = 1 / Math.sqrt(Fans.of(weight.shape()).fanIn());
            uniformInPlace(bias, -bound, bound, random);
        }
    }

    private static void checkTarget(String method, Tensor tensor, RandomGenerator random) {
        Arguments.notNull(tensor, method, "tensor");
        Arguments.notNull(random, method, "random");
    }

    private static double kaimingStd(String method, Tensor tensor, double negativeSlope, FanMode mode,
                                     Nonlinearity nonlinearity, RandomGenerator random) {
        checkTarget(method, tensor, random);
        Arguments.notNull(mode, method, "mode");
        Arguments.notNull(nonlinearity, method, "nonlinearity");
        if (!Double.isFinite(negativeSlope)) {
            throw new IllegalArgumentException(method + ": negativeSlope = " + negativeSlope + " is not finite");
        }
        return nonlinearity.gain(negativeSlope) / Math.sqrt(fan(tensor, mode));
    }

    private static Fans xavierFans(String method, Tensor tensor, double gain, RandomGenerator random) {
        checkTarget(method, tensor, random);
        if (!(gain >= 0) || Double.isInfinite(gain)) {
            throw new IllegalArgumentException(method + ": needs a finite gain >= 0, got gain = " + gain);
        }
        return Fans.of(tensor.shape());
    }

    private static int fan(Tensor tensor, FanMode mode) {
        Fans fans = Fans.of(tensor.shape());
        int fan = mode == FanMode.FAN_IN ? fans.fanIn() : fans.fanOut();
        if (fan == 0) {
            throw new IllegalArgumentException("Init: the " + mode + " of shape " + Shapes.str(tensor.shape()) + " is 0");
        }
        return fan;
    }
}
