package org.equireg.regularizer.samplers;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.equireg.core.Arguments;
import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Factories of the built-in samplers. Bounds, means and data are not modified (copied or
 * detached); every random choice comes from the generator the regularizer passes in.
 */
public final class Samplers {
    private Samplers() {
    }

    /** Uniform on [0, 1]^d: the reference package's default. */
    public static Sampler box() {
        return box(0, 1);
    }

    /** Uniform on [low, high] in every element. */
    public static Sampler box(double low, double high) {
        checkRange("Samplers.box", low, high);
        return box(Tensor.scalar(low, DType.FLOAT64), Tensor.scalar(high, DType.FLOAT64));
    }

    /** Uniform on the box with per-element bounds, each broadcast to the input shape. */
    public static Sampler box(Tensor low, Tensor high) {
        checkBounds("Samplers.box", low, high);
        return new Box(low.copy(), high.copy(), new Box.IndependentCube());
    }

    /**
     * Uniform on the box given the reference package's way: {@code bounds (..., 2)} holds
     * {@code [low, high]} in its last axis and broadcasts to {@code (...inputShape, 2)}.
     */
    public static Sampler boxFromBounds(Tensor bounds) {
        if (Arguments.notNull(bounds, "Samplers.boxFromBounds", "bounds").rank() < 1 || bounds.dim(-1) != 2) {
            throw new IllegalArgumentException("Samplers.boxFromBounds: bounds need a last axis of size 2 holding"
                    + " [low, high], got shape " + Shapes.str(bounds.shape()));
        }
        Tensor low = bounds.slice(-1, 0, 1).squeeze(-1);
        Tensor high = bounds.slice(-1, 1, 2).squeeze(-1);
        return box(low, high);
    }

    /** Scrambled Halton (randomised quasi-Monte Carlo) points in [0, 1]^d. */
    public static Sampler halton() {
        return halton(Tensor.scalar(0, DType.FLOAT64), Tensor.scalar(1, DType.FLOAT64));
    }

    /** Scrambled Halton points in the box with per-element bounds broadcast to the input shape. */
    public static Sampler halton(Tensor low, Tensor high) {
        checkBounds("Samplers.halton", low, high);
        return new Box(low.copy(), high.copy(), new ScrambledHalton());
    }

    /** Antithetic uniform points in [low, high]: pairs v and {@code low + high - v}. */
    public static Sampler antitheticBox(double low, double high) {
        checkRange("Samplers.antitheticBox", low, high);
        return antithetic(box(low, high), v -> v.neg().add(low + high));
    }

    /** Normal points {@code mean + std * z} in every element, independent. */
    public static Sampler gaussian(double mean, double std) {
        checkNormal("Samplers.gaussian", mean, std);
        return new Gaussian(mean, std);
    }

    /** Antithetic normal points: pairs v and {@code 2 mean - v}. */
    public static Sampler antitheticGaussian(double mean, double std) {
        checkNormal("Samplers.antitheticGaussian", mean, std);
        return antithetic(gaussian(mean, std), v -> v.neg().add(2 * mean));
    }

    /**
     * Antithetic pairs from any base sampler; {@code reflection} must map the base law to itself
     * (a measure-preserving involution), or the estimate is biased.
     */
    public static Sampler antithetic(Sampler base, UnaryOperator<Tensor> reflection) {
        return new Antithetic(Arguments.notNull(base, "Samplers.antithetic", "base"),
                Arguments.notNull(reflection, "Samplers.antithetic", "reflection"));
    }

    /** Uniform on the unit sphere {@code |v| = 1} (the whole sample flattened to one vector). */
    public static Sampler unitSphere() {
        return new UnitSphere();
    }

    /** Rows of {@code data (rows, ...inputShape)} uniformly with replacement. */
    public static Sampler fromData(Tensor data) {
        return new DataSampler(Arguments.notNull(data, "Samplers.fromData", "data"));
    }

    /** The next n rows of a stream of batches {@code (rows, ...inputShape)}, such as a data loader. */
    public static Sampler fromBatches(Supplier<Tensor> batches) {
        return new BatchSampler(Arguments.notNull(batches, "Samplers.fromBatches", "batches"));
    }

    /** The mixture of {@code components} with the given (unnormalised) weights. */
    public static Sampler mixture(double[] weights, Sampler... components) {
        Arguments.notNull(weights, "Samplers.mixture", "weights");
        Arguments.notNull(components, "Samplers.mixture", "components");
        for (int c = 0; c < components.length; c++) {
            Arguments.notNull(components[c], "Samplers.mixture", "components[" + c + "]");
        }
        return new Mixture(weights.clone(), Arrays.asList(components));
    }

    private static void checkRange(String method, double low, double high) {
        if (!(low <= high) || !Double.isFinite(high - low)) { // a draw is low + (high - low) u
            throw new IllegalArgumentException(method + ": needs finite low <= high whose width high - low is finite too,"
                    + " got low = " + low + ", high = " + high);
        }
    }

    // Element-wise order is checked against the input shape later (Sampler.check); here only what needs no shape.
    private static void checkBounds(String method, Tensor low, Tensor high) {
        Arguments.notNull(low, method, "low");
        Arguments.notNull(high, method, "high");
        Shapes.broadcast(method, low.shape(), high.shape());
    }

    private static void checkNormal(String method, double mean, double std) {
        if (!Double.isFinite(mean) || !(std >= 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException(method + ": needs a finite mean and a finite std >= 0, got mean = "
                    + mean + ", std = " + std);
        }
    }
}
