package org.equireg.core;

import java.util.Arrays;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Finite-difference gradient checking, like {@code torch.autograd.gradcheck}.
 *
 * <p>For a function of tensors and a random upstream gradient u, it compares the engine's
 * vector-Jacobian product {@code u^T J} with central differences
 * {@code u . (f(x + eps e_i) - f(x - eps e_i)) / (2 eps)}, element by element
 * ({@link #check}) or along random directions for big inputs ({@link #checkFast}). Both also
 * verify that every gradient has its input's shape, that a zero upstream gradient gives zero
 * gradients, and that two backward runs give bit-identical results. A failure throws
 * {@link GradCheckError} naming the input, the element and both values.
 *
 * <pre>{@code
 * GradCheck.standard().check(x -> x[0].tanh().mul(x[1]).sum(), a, b);
 * }</pre>
 *
 * @param epsilon finite-difference step
 * @param absoluteTolerance allowed absolute difference
 * @param relativeTolerance allowed difference relative to the numerical value
 * @param seed seed of the random upstream gradients and directions
 */
public record GradCheck(double epsilon, double absoluteTolerance, double relativeTolerance, long seed) {

    /** Validates the settings. */
    public GradCheck {
        if (!(epsilon > 0) || !(absoluteTolerance >= 0) || !(relativeTolerance >= 0)) {
            throw new IllegalArgumentException("GradCheck: needs epsilon > 0 and tolerances >= 0, got epsilon = " + epsilon
                    + ", atol = " + absoluteTolerance + ", rtol = " + relativeTolerance);
        }
    }

    /** PyTorch's float64 defaults: eps 1e-6, atol 1e-5, rtol 1e-3. */
    public static GradCheck standard() {
        return new GradCheck(1e-6, 1e-5, 1e-3, 42);
    }

    /**
     * Checks every element of every input.
     *
     * @param function maps copies of {@code inputs} (leaves that require grad) to a tensor of any shape
     * @param inputs the point to check at. Not modified.
     * @throws GradCheckError on the first disagreement
     */
    public void check(Function<Tensor[], Tensor> function, Tensor... inputs) {
        Tensor[] leaves = leaves("GradCheck.check", function, inputs);
        Tensor upstream = upstreamFor(function, leaves);
        Tensor[] analytic = analytic(function, leaves, upstream);
        for (int t = 0; t < leaves.length; t++) {
            double[] values = leaves[t].buffer();
            for (int i = 0; i < values.length; i++) {
                double original = values[i];
                values[i] = original + epsilon;
                double plus = project(function, leaves, upstream);
                values[i] = original - epsilon;
                double minus = project(function, leaves, upstream);
                values[i] = original;
                compare("input " + t + " element " + i, analytic[t].buffer()[i], (plus - minus) / (2 * epsilon));
            }
        }
    }

    /**
     * Checks along a few random directions v per input: {@code (u^T J) . v} against the central
     * difference of {@code u . f} along v. Cost independent of input size.
     */
    public void checkFast(Function<Tensor[], Tensor> function, int directions, Tensor... inputs) {
        if (directions < 1) {
            throw new IllegalArgumentException("GradCheck.checkFast: directions = " + directions + " is below 1");
        }
        Tensor[] leaves = leaves("GradCheck.checkFast", function, inputs);
        Tensor upstream = upstreamFor(function, leaves);
        Tensor[] analytic = analytic(function, leaves, upstream);
        RandomGenerator random = new java.util.SplittableRandom(seed + 1);
        for (int d = 0; d < directions; d++) {
            double[][] direction = new double[leaves.length][];
            double predicted = 0;
            for (int t = 0; t < leaves.length; t++) {
                direction[t] = Tensor.randn(random, DType.FLOAT64, leaves[t].shape()).buffer();
                for (int i = 0; i < direction[t].length; i++) {
                    predicted += analytic[t].buffer()[i] * direction[t][i];
                }
            }
            double plus = projectAlong(function, leaves, upstream, direction, epsilon);
            double minus = projectAlong(function, leaves, upstream, direction, -epsilon);
            compare("direction " + d, predicted, (plus - minus) / (2 * epsilon));
        }
    }

    /**
     * Checks second derivatives, as {@code torch.autograd.gradgradcheck}: the first gradient
     * {@code u^T J} of {@code function} (computed with {@link Autograd#grad} and {@code createGraph})
     * is itself checked by {@link #check}, as a function of the inputs and of the upstream gradient
     * u, which becomes an input too (its own gradient is the Jacobian-vector product). Every element
     * of the gradient's gradient is compared with central differences of the analytic first gradient,
     * with the same shape, zero-seed and repeatability checks. float64 only, like {@link #check}.
     *
     * <pre>{@code
     * GradCheck.standard().checkSecondOrder(x -> x[0].tanh().mul(x[1]).sum(0, false), a, b);
     * }</pre>
     *
     * @param function maps copies of {@code inputs} (leaves that require grad) to a tensor of any shape
     * @param inputs the point to check at. Not modified.
     * @throws GradCheckError on the first disagreement
     */
    public void checkSecondOrder(Function<Tensor[], Tensor> function, Tensor... inputs) {
        Tensor[] leaves = leaves("GradCheck.checkSecondOrder", function, inputs);
        Tensor output;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            output = function.apply(leaves);
        }
        Tensor upstream = Tensor.randn(new java.util.SplittableRandom(seed + 2), DType.FLOAT64, output.shape());
        int count = inputs.length;
        Function<Tensor[], Tensor> firstGradient = x -> {
            try (GradMode.Scope ignored = GradMode.enableGrad()) {
                Tensor[] points = Arrays.copyOf(x, count);
                Tensor y = function.apply(points);
                Tensor[] flat = new Tensor[count];
                if (!y.requiresGrad()) {
                    for (int t = 0; t < count; t++) {
                        flat[t] = Tensor.zeros(DType.FLOAT64, points[t].size());
                    }
                    return Tensor.concat(0, flat);
                }
                java.util.List<Tensor> grads = Autograd.grad(java.util.List.of(y), Arrays.asList(points),
                        java.util.List.of(x[count]), true);
                for (int t = 0; t < count; t++) {
                    flat[t] = grads.get(t).to(DType.FLOAT64).reshape(-1);
                }
                return Tensor.concat(0, flat);
            }
        };
        Tensor[] extended = Arrays.copyOf(inputs, count + 1);
        extended[count] = upstream;
        check(firstGradient, extended);
    }

    private Tensor[] leaves(String method, Function<Tensor[], Tensor> function, Tensor[] inputs) {
        if (function == null) {
            throw new IllegalArgumentException(method + ": function is null");
        }
        if (inputs == null || inputs.length == 0) {
            throw new IllegalArgumentException(method + ": needs at least one input");
        }
        Tensor[] leaves = new Tensor[inputs.length];
        for (int t = 0; t < inputs.length; t++) {
            if (inputs[t] == null) {
                throw new IllegalArgumentException(method + ": input " + t + " is null");
            }
            if (inputs[t].dtype() != DType.FLOAT64) {
                throw new IllegalArgumentException(method + ": input " + t + " is " + inputs[t].dtype()
                        + "; finite differences need float64 (in float32 they measure rounding): pass to(DType.FLOAT64)");
            }
            leaves[t] = inputs[t].copy().requiresGrad(true);
        }
        return leaves;
    }

    private Tensor upstreamFor(Function<Tensor[], Tensor> function, Tensor[] leaves) {
        Tensor output;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            output = function.apply(leaves);
        }
        return Tensor.randn(new java.util.SplittableRandom(seed), DType.FLOAT64, output.shape());
    }

    /** {@code u^T J} for every input, after the shape, zero-seed and repeatability checks. */
    private Tensor[] analytic(Function<Tensor[], Tensor> function, Tensor[] leaves, Tensor upstream) {
        Tensor[] first = backwardOnce(function, leaves, upstream);
        Tensor[] second = backwardOnce(function, leaves, upstream);
        Tensor[] zero = backwardOnce(function, leaves, Tensor.zeros(DType.FLOAT64, upstream.shape()));
        for (int t = 0; t < leaves.length; t++) {
            if (!Arrays.equals(first[t].shape(), leaves[t].shape())) {
                throw new GradCheckError("gradient of input " + t + " has shape " + Shapes.str(first[t].shape())
                        + " but the input has " + Shapes.str(leaves[t].shape()));
            }
            if (!Arrays.equals(first[t].buffer(), second[t].buffer())) {
                throw new GradCheckError("two backward runs gave different gradients for input " + t);
            }
            for (double value : zero[t].buffer()) {
                if (value != 0) {
                    throw new GradCheckError("a zero upstream gradient gave a non-zero gradient " + value + " for input " + t);
                }
            }
        }
        return first;
    }

    private static Tensor[] backwardOnce(Function<Tensor[], Tensor> function, Tensor[] leaves, Tensor upstream) {
        for (Tensor leaf : leaves) {
            leaf.zeroGrad();
        }
        Tensor output = function.apply(leaves);
        Tensor[] grads = new Tensor[leaves.length];
        if (output.requiresGrad()) {
            output.backward(upstream);
        }
        for (int t = 0; t < leaves.length; t++) {
            grads[t] = leaves[t].grad() == null ? Tensor.zeros(DType.FLOAT64, leaves[t].shape()) : leaves[t].grad();
            leaves[t].zeroGrad();
        }
        return grads;
    }

    /**
     * {@code upstream . function(leaves)}, with grad mode on: a function that takes a gradient inside
     * (an input-gradient penalty, say) needs its graph in the perturbed runs too.
     */
    private static double project(Function<Tensor[], Tensor> function, Tensor[] leaves, Tensor upstream) {
        try (GradMode.Scope ignored = GradMode.enableGrad()) {
            Tensor output = function.apply(leaves);
            if (!Arrays.equals(output.shape(), upstream.shape())) {
                throw new GradCheckError("the function's output shape changed from " + Shapes.str(upstream.shape())
                        + " to " + Shapes.str(output.shape()) + " between calls");
            }
            double sum = 0;
            double[] values = output.dtype() == DType.FLOAT64 ? output.buffer() : output.toArray();
            double[] weights = upstream.buffer();
            for (int i = 0; i < values.length; i++) {
                sum += values[i] * weights[i];
            }
            return sum;
        }
    }

    private static double projectAlong(Function<Tensor[], Tensor> function, Tensor[] leaves,
                                       Tensor upstream, double[][] direction, double step) {
        double[][] saved = new double[leaves.length][];
        for (int t = 0; t < leaves.length; t++) {
            double[] values = leaves[t].buffer();
            saved[t] = values.clone();
            for (int i = 0; i < values.length; i++) {
                values[i] += step * direction[t][i];
            }
        }
        double result = project(function, leaves, upstream);
        for (int t = 0; t < leaves.length; t++) {
            System.arraycopy(saved[t], 0, leaves[t].buffer(), 0, saved[t].length);
        }
        return result;
    }

    private void compare(String where, double analytic, double numeric) {
        if (!(Math.abs(analytic - numeric) <= absoluteTolerance + relativeTolerance * Math.abs(numeric))) {
            throw new GradCheckError("gradient mismatch at " + where + ": backward gives " + analytic
                    + ", finite differences give " + numeric + " (atol " + absoluteTolerance + ", rtol "
                    + relativeTolerance + ")");
        }
    }
}
