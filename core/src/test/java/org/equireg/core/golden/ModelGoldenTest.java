package org.equireg.core.golden;

import static org.equireg.core.golden.GoldenCase.of;
import static org.equireg.core.golden.GoldenCase.variant;

import java.io.IOException;
import java.util.stream.Stream;
import org.equireg.core.Tensor;
import org.equireg.core.ops.Activation;
import org.equireg.core.ops.Conv2dActivation;
import org.equireg.core.ops.LinearActivation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Small models composed from core ops, against the same models in PyTorch: gradients with respect
 * to every parameter and the input pass through many ops, so the tolerance is the model one.
 */
class ModelGoldenTest {
    static final String FAMILY = "model";

    static Stream<GoldenCase> cases() {
        return Stream.of(
                of("mlp_log_probs", ModelGoldenTest::mlpLogProbs),
                of("mlp_nll", f -> mlpLogProbs(f).gather(1, f.constant("index")).mean().neg()),
                variant("mlp_log_probs", "fused", ModelGoldenTest::mlpLogProbsFused),
                of("cnn_logits", ModelGoldenTest::cnnLogits),
                variant("cnn_logits", "fused", ModelGoldenTest::cnnLogitsFused),
                of("regularizer_penalty", ModelGoldenTest::regularizerPenalty));
    }

    /** (batch, 5) -> linear 8 -> tanh -> linear 3 -> logSoftmax. Inputs: x, w1, b1, w2, b2. */
    private static Tensor mlpLogProbs(Fixture f) {
        Tensor hidden = f.input(0).matmul(f.input(1).transpose()).add(f.input(2)).tanh();
        return hidden.matmul(f.input(3).transpose()).add(f.input(4)).logSoftmax(1);
    }

    /** {@link #mlpLogProbs} with the first layer and its tanh as the fused primitive nn.Sequential records. */
    private static Tensor mlpLogProbsFused(Fixture f) {
        Tensor hidden = LinearActivation.apply(f.input(0), f.input(1), f.input(2), Activation.TANH);
        return hidden.linear(f.input(3), f.input(4)).logSoftmax(1);
    }

    /** (batch, 1, 6, 6) -> conv 3x3 pad 1 -> relu -> maxPool 2 -> flatten -> linear 4. */
    private static Tensor cnnLogits(Fixture f) {
        Tensor features = f.input(0).conv2d(f.input(1), f.input(2), 1, 1).relu().maxPool2d(2, 2, 0);
        return features.flatten(1, -1).matmul(f.input(3).transpose()).add(f.input(4));
    }

    /** {@link #cnnLogits} with the convolution and its relu as the fused primitive nn.Sequential records. */
    private static Tensor cnnLogitsFused(Fixture f) {
        Tensor features = Conv2dActivation.apply(f.input(0), f.input(1), f.input(2), 1, 1, 1, 1, Activation.RELU)
                .maxPool2d(2, 2, 0);
        return features.flatten(1, -1).linear(f.input(3), f.input(4));
    }

    /**
     * The equivariance penalty of three transform pairs on a two-layer conv net:
     * {@code sum_t lambda_t * relu(mean_i dist_t(f_out(model(v_i)), model(f_in(v_i))) - epsilon_t)} with
     * rot90 under the L2 distance, roll under L1, and flip under the L-infinity distance of logSoftmax.
     */
    private static Tensor regularizerPenalty(Fixture f) {
        Tensor x = f.input(0);
        Tensor y = smallNet(f, x);
        Tensor rotation = perSampleNorm(y.rot90(1, 2, 3).sub(smallNet(f, x.rot90(1, 2, 3))), 2).mean();
        Tensor shift = perSampleNorm(y.roll(1, 3).sub(smallNet(f, x.roll(1, 3))), 1).mean();
        Tensor mirror = perSampleNorm(y.flip(3).logSoftmax(-1).sub(smallNet(f, x.flip(3)).logSoftmax(-1)),
                Double.POSITIVE_INFINITY).mean();
        return penalty(rotation, 0.5, 0.7).add(penalty(shift, 1.0, 0.2)).add(penalty(mirror, 0.1, 1.3));
    }

    /** conv 1->2, tanh, conv 2->1, tanh; both convs 3x3 with padding 1. Weights: inputs 1 to 4. */
    private static Tensor smallNet(Fixture f, Tensor x) {
        return x.conv2d(f.input(1), f.input(2), 1, 1).tanh().conv2d(f.input(3), f.input(4), 1, 1).tanh();
    }

    private static Tensor perSampleNorm(Tensor difference, double p) {
        return difference.flatten(1, -1).norm(p, 1, false);
    }

    private static Tensor penalty(Tensor error, double epsilon, double lambda) {
        return error.sub(epsilon).relu().mul(lambda);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(GoldenCase golden) throws IOException {
        Golden.check(FAMILY, golden, Golden.MODEL_TOLERANCE);
    }
}
