package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.equireg.core.Autograd;
import org.equireg.core.GradCheck;
import org.equireg.core.GradMode;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Second derivatives of the losses, the normal distribution function and every differentiable
 * layer, as {@code torch.autograd.gradgradcheck} ({@link GradCheck#checkSecondOrder}, float64).
 * A layer is checked with respect to its input by that, and with respect to its parameters by a
 * Hessian-vector product: for fixed random u and v, the gradient of {@code <v, d <u, layer(x)> / d theta>}
 * (every parameter and the input) against central differences of that inner product in each
 * parameter element. Points keep clear of kinks (relu at 0, pooling ties, smooth L1's beta).
 */
class SecondOrderTest {
    private static final GradCheck CHECK = GradCheck.standard();
    private static final int[] LABELS = {2, 0, 1, 2};

    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new SplittableRandom(seed), shape);
    }

    static Stream<Arguments> losses() {
        Tensor input = randn(1, 3, 4);
        Tensor target = randn(2, 3, 4);
        Tensor logits = randn(3, 4, 3);
        Tensor probabilities = randn(4, 4, 3).softmax(1);
        Tensor binaryTargets = randn(5, 4, 3).sigmoid();
        List<Arguments> cases = new ArrayList<>();
        for (Reduction reduction : Reduction.values()) {
            cases.addAll(List.of(
                    loss("mse " + reduction, x -> Losses.mse(x[0], x[1], reduction), input, target),
                    loss("l1 " + reduction, x -> Losses.l1(x[0], x[1], reduction), input, target),
                    loss("smoothL1 " + reduction, x -> Losses.smoothL1(x[0], x[1], 0.7, reduction), input, target),
                    loss("crossEntropy labels " + reduction,
                            x -> Losses.crossEntropy(x[0], LABELS, 0.1, reduction), logits),
                    loss("crossEntropy probabilities " + reduction,
                            x -> Losses.crossEntropy(x[0], x[1], 0.2, reduction), logits, probabilities),
                    loss("nll " + reduction, x -> Losses.nll(x[0].logSoftmax(1), LABELS, reduction), logits),
                    loss("binaryCrossEntropyWithLogits " + reduction,
                            x -> Losses.binaryCrossEntropyWithLogits(x[0], x[1], reduction), logits, binaryTargets)));
        }
        cases.add(loss("crossEntropy default", x -> Losses.crossEntropy(x[0], LABELS), logits));
        return cases.stream();
    }

    private static Arguments loss(String name, Function<Tensor[], Tensor> function, Tensor... inputs) {
        return Arguments.of(name, function, inputs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void lossesAreTwiceDifferentiable(String name, Function<Tensor[], Tensor> function, Tensor[] inputs) {
        CHECK.checkSecondOrder(function, inputs);
    }

    @Test
    void theNormalDistributionFunctionIsDifferentiableToThirdOrder() {
        Tensor x = Tensor.of(new double[] {-4.5, -2.2, -0.7, 0.05, 0.9, 3.1}, 2, 3);
        CHECK.checkSecondOrder(v -> NormalCdf.apply(v[0]), x);
        Tensor upstream = randn(6, 2, 3);
        // the first gradient, phi(x) u, checked at second order: third derivatives of Phi
        CHECK.checkSecondOrder(v -> {
            try (GradMode.Scope ignored = GradMode.enableGrad()) {
                return Autograd.grad(List.of(NormalCdf.apply(v[0])), List.of(v[0]), List.of(v[1]), true).get(0);
            }
        }, x, upstream);
    }

    static Stream<Arguments> layers() {
        SplittableRandom random = new SplittableRandom(17);
        return Stream.of(
                layer(new Linear(4, 3, true, random), randn(7, 2, 4)),
                layer(new Linear(4, 3, false, random), randn(8, 3, 4)),
                layer(new Conv2d(2, 3, 3, 1, 1, 1, 1, true, random), randn(9, 2, 2, 4, 4)),
                layer(new Conv2d(2, 4, 3, 2, 1, 2, 2, true, random), randn(10, 1, 2, 6, 5)),
                layer(new Conv2d(3, 3, 2, 1, 0, 1, 3, false, random), randn(11, 1, 3, 4, 4)),
                layer(randomized(new BatchNorm1d(3), random), randn(12, 4, 3)),
                layer(randomized(new BatchNorm2d(2), random), randn(13, 3, 2, 2, 2)),
                layer(randomized(new BatchNorm2d(2), random).eval(), randn(14, 2, 2, 2, 2)),
                layer(randomized(new LayerNorm(2, 3), random), randn(15, 2, 2, 3)),
                layer(new GELU(), randn(16, 2, 3).mul(2)),
                layer(GELU.tanhApproximation(), randn(17, 2, 3).mul(2)),
                layer(new Sigmoid(), randn(18, 2, 3)),
                layer(new Tanh(), randn(19, 2, 3)),
                layer(new ReLU(), awayFromZero(randn(20, 2, 3))),
                layer(new LeakyReLU(0.1), awayFromZero(randn(21, 2, 3))),
                layer(new Softmax(1), randn(22, 2, 3)),
                layer(new LogSoftmax(-1), randn(23, 2, 3)),
                layer(new MaxPool2d(2, 1, 0), randn(24, 1, 2, 3, 3)),
                layer(new AvgPool2d(3, 2, 1), randn(25, 1, 2, 5, 5)),
                layer(new AdaptiveAvgPool2d(2, 3), randn(26, 1, 2, 5, 7)),
                layer(new Flatten(), randn(27, 2, 2, 3)),
                layer(new Sequential(new Conv2d(1, 2, 3, 1, 1, 1, 1, true, random), new Tanh(), new Flatten(),
                        new Linear(2 * 3 * 3, 2, true, random)), randn(28, 2, 1, 3, 3)));
    }

    private static Arguments layer(Module module, Tensor input) {
        return Arguments.of(module, input);
    }

    /** Random affine parameters instead of ones and zeros, so that every parameter's terms show. */
    private static Module randomized(Module module, SplittableRandom random) {
        for (Tensor parameter : module.parameters()) {
            double[] values = parameter.buffer();
            for (int i = 0; i < values.length; i++) {
                values[i] = 1 + random.nextGaussian() * 0.5;
            }
        }
        return module;
    }

    private static Tensor awayFromZero(Tensor x) {
        double[] values = x.buffer();
        for (int i = 0; i < values.length; i++) {
            values[i] += Math.copySign(0.1, values[i]);
        }
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void layersAreTwiceDifferentiable(Module module, Tensor input) {
        CHECK.checkSecondOrder(x -> module.forward(x[0]), input);
        if (!module.parameters().isEmpty()) {
            checkParameterHessian(module, input);
        }
    }

    /**
     * The gradient of {@code h = sum_k <v_k, d <u, module(x)> / d theta_k>} over the parameters and
     * the input (a Hessian-vector product, computed with createGraph) against central differences of
     * h in every parameter element, with {@link GradCheck#standard()}'s step and tolerances.
     */
    private static void checkParameterHessian(Module module, Tensor input) {
        Tensor x = input.copy().requiresGrad(true);
        List<Tensor> leaves = new ArrayList<>(module.parameters());
        leaves.add(x);
        Tensor upstream;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            upstream = randn(CHECK.seed(), module.forward(x).shape());
        }
        List<Tensor> directions = new ArrayList<>();
        for (int k = 0; k < leaves.size(); k++) {
            directions.add(randn(CHECK.seed() + 1 + k, leaves.get(k).shape()));
        }
        Function<Boolean, Tensor> inner = createGraph -> {
            List<Tensor> grads = Autograd.grad(List.of(module.forward(x)), leaves, List.of(upstream), createGraph);
            Tensor h = Tensor.scalar(0.0);
            for (int k = 0; k < leaves.size(); k++) {
                h = h.add(grads.get(k).mul(directions.get(k)).sum());
            }
            return h;
        };
        List<Tensor> analytic = Autograd.grad(List.of(inner.apply(true)), leaves, null, false);
        for (int k = 0; k < leaves.size() - 1; k++) {
            double[] values = leaves.get(k).buffer();
            double[] hessianVector = analytic.get(k).buffer();
            for (int i = 0; i < values.length; i++) {
                double original = values[i];
                values[i] = original + CHECK.epsilon();
                double plus = inner.apply(false).item();
                values[i] = original - CHECK.epsilon();
                double minus = inner.apply(false).item();
                values[i] = original;
                double numeric = (plus - minus) / (2 * CHECK.epsilon());
                double backward = hessianVector[i];
                String where = module + " parameter " + k + " element " + i;
                assertTrue(Math.abs(backward - numeric) <= CHECK.absoluteTolerance()
                        + CHECK.relativeTolerance() * Math.abs(numeric),
                        () -> "Hessian-vector product at " + where + ": backward " + backward
                                + ", finite differences " + numeric);
            }
        }
    }
}
