package org.equireg.regularizer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.equireg.core.Autograd;
import org.equireg.core.GradCheck;
import org.equireg.core.GradMode;
import org.equireg.core.Tensor;
import org.equireg.nn.Losses;
import org.equireg.nn.Module;
import org.equireg.regularizer.samplers.Samplers;
import org.equireg.regularizer.support.Conv;
import org.equireg.regularizer.support.ConvNet;
import org.equireg.regularizer.support.Mlp;
import org.equireg.regularizer.transforms.Padding;
import org.equireg.regularizer.transforms.Transform;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The regularizer is twice differentiable: every transform and distance passes
 * {@link GradCheck#checkSecondOrder} (float64, as {@code torch.autograd.gradgradcheck}), and so
 * does the whole penalty with respect to the weights; the penalty also works inside a
 * createGraph computation, an input-gradient penalty {@code |d loss / d x|^2} of a regularized
 * loss, whose gradient with respect to the weights is checked against finite differences.
 *
 * <p>The bilinear warps are linear in the image with a fixed plan, so their own second derivative
 * is zero; composed with tanh, the second-order check runs the sampling, its transpose (the
 * gradient) and the transpose's rule (the sampling again). Their kink at the pixel grid is in the
 * geometry, which gets no gradient, so any point is smooth.
 */
class SecondOrderTest {
    private static final GradCheck CHECK = GradCheck.standard();

    static Stream<Arguments> transforms() {
        return Stream.of(
                transform("rotate 0.4 zeros", Transforms.rotate(0.4, Padding.ZEROS)),
                transform("rotate -1.1 border", Transforms.rotate(-1.1, Padding.BORDER)),
                transform("scale 1.3 zeros", Transforms.scale(1.3, Padding.ZEROS)),
                transform("scale 0.7 border", Transforms.scale(0.7, Padding.BORDER)),
                transform("affine zeros", Transforms.affine(new double[][] {{1.1, 0.3}, {-0.2, 0.9}},
                        new double[] {0.8, -1.3}, Padding.ZEROS)),
                transform("affine border", Transforms.affine(new double[][] {{0.9, -0.4}, {0.3, 1.2}},
                        new double[] {-0.6, 0.5}, Padding.BORDER)),
                transform("gaussian blur", Transforms.gaussianBlur(0.8, 2)),
                transform("blur 1-2-1", Transforms.blur(0.25, 0.5, 0.25)),
                transform("roll", Transforms.roll(1, -1)),
                transform("translate", Transforms.translate(-1, -2)),
                transform("flip", Transforms.flip(-1)),
                transform("rot90", Transforms.rot90(1)),
                transform("d4 mirrored", Transforms.d4(3, true)),
                transform("downsample 2", Transforms.downsample(2)),
                transform("permute channels", Transforms.permuteChannels(1, 0)),
                transform("composition", Transforms.compose(Transforms.rotate(0.3, Padding.ZEROS),
                        Transforms.scale(0.8, Padding.BORDER))));
    }

    private static Arguments transform(String name, Transform transform) {
        return Arguments.of(name, transform);
    }

    private static Tensor images(long seed) {
        return Tensor.rand(new SplittableRandom(seed), 2, 2, 6, 4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void transformsAreTwiceDifferentiable(String name, Transform transform) {
        CHECK.checkSecondOrder(x -> transform.apply(x[0]).tanh(), images(1));
    }

    @Test
    void bilinearWarpsAreDifferentiableToThirdOrder() {
        Transform rotate = Transforms.rotate(0.7, Padding.BORDER);
        Tensor x = images(2);
        Tensor upstream = Tensor.randn(new SplittableRandom(3), x.shape());
        CHECK.checkSecondOrder(v -> {
            try (GradMode.Scope ignored = GradMode.enableGrad()) {
                Tensor y = rotate.apply(v[0]).tanh();
                return Autograd.grad(List.of(y), List.of(v[0]), List.of(v[1]), true).get(0);
            }
        }, x, upstream);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "inf", "3", "1.5", "cross_entropy", "cross_entropy_logits", "kl_logits", "kl"})
    void distancesAreTwiceDifferentiable(String spelling) {
        Distance distance = Distance.parse(spelling);
        boolean probabilities = spelling.equals("cross_entropy") || spelling.equals("kl");
        Tensor a = Tensor.randn(new SplittableRandom(4), 3, 2, 4);
        Tensor b = Tensor.randn(new SplittableRandom(5), 3, 2, 4);
        Function<Tensor[], Tensor> function = probabilities
                ? x -> distance.between(x[0].softmax(-1), x[1].softmax(-1))
                : x -> distance.between(x[0], x[1]);
        CHECK.checkSecondOrder(function, a, b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "inf", "cross_entropy", "kl_logits"})
    void theMlpPenaltyIsTwiceDifferentiableInTheWeights(String distance) {
        boolean softmax = distance.equals("cross_entropy");
        Mlp start = Mlp.random(4, 5, 3, new SplittableRandom(1));
        List<TransformPair> pairs = List.of(
                TransformPair.of(Transforms.permuteAlong(1, 2, 0, 1), Transforms.roll(1, 1), 0.01, 0.8),
                TransformPair.of(Transforms.identity(), Transforms.signFlips(1, -1, 1, -1), 0, 1.5));
        CHECK.checkSecondOrder(parameters -> {
            Module model = Mlp.of(List.of(parameters), softmax);
            return EquivarianceError.builder(model, new int[] {4}, pairs).distance(Distance.parse(distance))
                    .sampleSize(4).functionsPerCall(2).sampler(Samplers.gaussian(0, 1)).seed(2).build().compute();
        }, start.parameters().toArray(new Tensor[0]));
    }

    @Test
    void theImagePenaltyWithBilinearWarpsIsTwiceDifferentiableInTheWeights() {
        SplittableRandom random = new SplittableRandom(3);
        ConvNet start = new ConvNet(Conv.random(1, 2, 3, random), Conv.random(2, 1, 3, random));
        List<TransformPair> pairs = List.of(
                TransformPair.shared(Transforms.randomRotation(-0.6, 0.6, Padding.BORDER), 0, 1),
                TransformPair.shared(Transforms.randomRotation(-0.6, 0.6, Padding.ZEROS), 0, 0.5));
        CHECK.checkSecondOrder(parameters -> penalty(convNet(parameters), pairs).compute(),
                start.parameters().toArray(new Tensor[0]));
    }

    /**
     * {@code R(w) = |d L / d x|^2} with {@code L = mse(model(x), target) + penalty(x)}: the penalty
     * evaluated at the batch x inside a createGraph computation, and R differentiated with respect
     * to the weights, against finite differences.
     */
    @Test
    void anInputGradientPenaltyOfARegularizedLossHasCorrectWeightGradients() {
        SplittableRandom random = new SplittableRandom(6);
        ConvNet start = new ConvNet(Conv.random(1, 2, 3, random), Conv.random(2, 1, 3, random));
        Tensor x = Tensor.rand(random, 3, 1, 5, 5);
        Tensor target = Tensor.randn(random, 3, 1, 5, 5);
        List<TransformPair> pairs = List.of(
                TransformPair.of(Transforms.rotate(0.4, Padding.ZEROS), Transforms.rotate(0.4, Padding.ZEROS), 0, 1),
                TransformPair.of(Transforms.scale(0.8, Padding.BORDER), Transforms.scale(0.8, Padding.BORDER), 0, 0.5),
                TransformPair.of(Transforms.rot90(1), Transforms.rot90(1), 0, 2));
        CHECK.check(parameters -> {
            // GradCheck evaluates its finite differences with grad mode off; the inner gradient needs it on
            try (GradMode.Scope ignored = GradMode.enableGrad()) {
                Module model = convNet(parameters);
                Tensor point = x.copy().requiresGrad(true);
                Tensor loss = Losses.mse(model.forward(point), target).add(penalty(model, pairs).compute(point));
                Tensor gradient = Autograd.grad(List.of(loss), List.of(point), null, true).get(0);
                return gradient.pow(2).sum();
            }
        }, start.parameters().toArray(new Tensor[0]));
    }

    private static Module convNet(Tensor[] parameters) {
        List<Tensor> given = new ArrayList<>(List.of(parameters));
        return new ConvNet(new Conv(given.get(0), given.get(1)), new Conv(given.get(2), given.get(3)));
    }

    private static EquivarianceError penalty(Module model, List<TransformPair> pairs) {
        return EquivarianceError.builder(model, new int[] {1, 5, 5}, pairs).sampleSize(3)
                .functionsPerCall(pairs.size()).withReplacement(false).seed(4).build();
    }
}
