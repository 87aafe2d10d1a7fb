package org.equireg.regularizer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.equireg.core.GradCheck;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;
import org.equireg.regularizer.samplers.Samplers;
import org.equireg.regularizer.support.Conv;
import org.equireg.regularizer.support.ConvNet;
import org.equireg.regularizer.support.Mlp;
import org.equireg.regularizer.transforms.Padding;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The whole penalty, sampling and drawing included, against finite differences with respect to
 * every parameter. A fixed seed makes the penalty a deterministic function of the parameters, so
 * each evaluation builds the regularizer afresh around the checked leaves.
 */
class PenaltyGradCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "inf", "3", "cross_entropy", "cross_entropy_logits"})
    void mlpPenaltyMatchesFiniteDifferences(String distance) {
        boolean softmax = distance.equals("cross_entropy");
        Mlp start = Mlp.random(4, 5, 3, new SplittableRandom(1));
        List<TransformPair> pairs = List.of(
                TransformPair.of(Transforms.permuteAlong(1, 2, 0, 1), Transforms.roll(1, 1), 0.01, 0.8),
                TransformPair.of(Transforms.identity(), Transforms.signFlips(1, -1, 1, -1), 0, 1.5),
                TransformPair.of(Transforms.flip(1), Transforms.flip(1), 0.02, 1));
        GradCheck.standard().check(parameters -> {
            Module model = Mlp.of(List.of(parameters), softmax);
            return EquivarianceError.builder(model, new int[] {4}, pairs).distance(Distance.parse(distance))
                    .sampleSize(6).functionsPerCall(4).sampler(Samplers.gaussian(0, 1)).seed(2).build().compute();
        }, start.parameters().toArray(new Tensor[0]));
    }

    @Test
    void imagePenaltyWithBilinearRotationsMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(3);
        ConvNet start = new ConvNet(Conv.random(1, 2, 3, random), Conv.random(2, 1, 3, random));
        List<TransformPair> pairs = List.of(
                TransformPair.shared(Transforms.randomRotation(-0.6, 0.6, Padding.BORDER), 0, 1),
                TransformPair.shared(Transforms.d4(), 0, 0.5));
        GradCheck.standard().check(parameters -> {
            List<Tensor> given = new ArrayList<>(List.of(parameters));
            Module model = new ConvNet(new Conv(given.get(0), given.get(1)), new Conv(given.get(2), given.get(3)));
            return EquivarianceError.builder(model, new int[] {1, 5, 5}, pairs).sampleSize(3).functionsPerCall(2)
                    .seed(4).build().compute();
        }, start.parameters().toArray(new Tensor[0]));
    }
}
