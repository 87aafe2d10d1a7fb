package org.equireg.regularizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.nn.Conv2d;
import org.equireg.nn.Module;
import org.equireg.nn.Sequential;
import org.equireg.nn.Tanh;
import org.equireg.regularizer.transforms.Padding;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The regularizer on a float32 model: the penalty and every parameter gradient stay float32 and
 * agree with the float64 model started from the same (rounded) parameters at the same seed, for
 * every distance, under quarter turns, shifts, flips, bilinear rotations and scaling, and a blur.
 */
class Float32Test {
    /**
     * 1e-5 of the largest magnitude (of the penalty; of the whole gradient for gradients): the
     * float32 run rounds the sampled points, every layer and the distances to float32 (2^-24 each),
     * through two convolutions, a blur and bilinear sampling: a few dozen roundings, the bar
     * for agreement with PyTorch float32.
     */
    private static final double RELATIVE = 1e-5;

    private static Module model() {
        return new Sequential(new Conv2d(1, 2, 3, 1, 1), new Tanh(), new Conv2d(2, 1, 3, 1, 1), new Tanh());
    }

    private static EquivarianceError regularizer(Module model, Distance distance) {
        List<TransformPair> pairs = List.of(
                TransformPair.of(Transforms.rot90(1), Transforms.rot90(1), 0, 0.7),
                TransformPair.of(Transforms.roll(1, 2), Transforms.roll(1, 2), 0, 0.2),
                TransformPair.of(Transforms.flip(2), Transforms.flip(2), 0, 1.3),
                TransformPair.of(Transforms.rotate(0.3, Padding.ZEROS), Transforms.rotate(0.3, Padding.ZEROS), 0, 0.5),
                TransformPair.of(Transforms.scale(1.2, Padding.BORDER), Transforms.scale(1.2, Padding.BORDER), 0, 0.4),
                TransformPair.of(Transforms.gaussianBlur(0.8, 1), Transforms.gaussianBlur(0.8, 1), 0, 0.9));
        return EquivarianceError.builder(model, new int[] {1, 6, 6}, pairs).distance(distance).sampleSize(5)
                .functionsPerCall(pairs.size()).withReplacement(false).seed(3).build();
    }

    private static Distance distance(String name) {
        switch (name) {
            case "L1":
                return Distance.L1;
            case "L2":
                return Distance.L2;
            case "lp3":
                return Distance.lp(3);
            default:
                return Distance.parse(name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"L1", "L2", "inf", "lp3", "cross_entropy", "cross_entropy_logits"})
    void penaltyAndGradientsMatchFloat64(String name) {
        Module wide = model().to(DType.FLOAT32).to(DType.FLOAT64);
        Module narrow = model();
        EquivarianceError narrowRegularizer = regularizer(narrow, distance(name)); // built before converting
        narrow.to(DType.FLOAT32);
        narrow.loadStateDict(wide.stateDict());
        if (name.equals("cross_entropy")) { // probabilities: model outputs in (0, 1)
            wide = new Sequential(wide, new org.equireg.nn.Sigmoid());
            narrow = new Sequential(narrow, new org.equireg.nn.Sigmoid());
            narrowRegularizer = regularizer(narrow, distance(name));
        }
        Tensor penalty64 = regularizer(wide, distance(name)).compute();
        Tensor penalty32 = narrowRegularizer.compute();
        assertEquals(DType.FLOAT32, penalty32.dtype(), name + " penalty type");
        assertTrue(penalty64.item() > 0, name + ": a penalty to compare");
        assertClose(name + " penalty", penalty64, penalty32);
        penalty64.backward();
        penalty32.backward();
        Map<String, Tensor> wideParameters = wide.namedParameters();
        double gradientScale = 0; // one scale for the whole gradient: a bias gradient sums terms that cancel
        for (Tensor parameter : wideParameters.values()) {
            gradientScale = Math.max(gradientScale, largest(parameter.grad()));
        }
        for (Map.Entry<String, Tensor> entry : narrow.namedParameters().entrySet()) {
            Tensor gradient = entry.getValue().grad();
            assertEquals(DType.FLOAT32, gradient.dtype(), name + " " + entry.getKey() + " gradient type");
            assertClose(name + " " + entry.getKey() + " gradient", wideParameters.get(entry.getKey()).grad(), gradient,
                    gradientScale);
        }
    }

    private static double largest(Tensor tensor) {
        double scale = 0;
        for (double value : tensor.toArray()) {
            scale = Math.max(scale, Math.abs(value));
        }
        return scale;
    }

    private static void assertClose(String what, Tensor expected, Tensor actual) {
        assertClose(what, expected, actual, largest(expected));
    }

    private static void assertClose(String what, Tensor expected, Tensor actual, double scale) {
        double[] want = expected.toArray();
        double[] got = actual.toArray();
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], RELATIVE * scale, what + " at " + i);
        }
    }
}
