package org.equireg.regularizer;

import static org.equireg.regularizer.support.Assertions.assertRelativelyClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;
import org.equireg.regularizer.support.Conv;
import org.equireg.regularizer.support.ConvNet;
import org.equireg.regularizer.support.Dense;
import org.equireg.regularizer.support.Goldens;
import org.equireg.regularizer.support.Mlp;
import org.equireg.regularizer.support.Tolerances;
import org.equireg.regularizer.transforms.Padding;
import org.equireg.regularizer.transforms.Transform;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The penalty and every parameter gradient against PyTorch (scripts/golden/regularizer_goldens.py),
 * for every distance and for an image model under quarter turns, bilinear rotations and scaling.
 * Relative tolerance: {@link Tolerances#GOLDEN_RELATIVE} of each tensor's largest magnitude.
 */
class GoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"L1", "L2", "LINF", "lp3", "lp1_5", "cross_entropy", "cross_entropy_logits", "kl_logits", "kl"})
    void everyDistanceMatchesPyTorch(String name) {
        Map<String, Tensor> state = Goldens.withPrefix(name + ".model.");
        Module model = new Mlp(new Dense(state.get("0.weight").copy(), state.get("0.bias").copy()),
                new Dense(state.get("2.weight").copy(), state.get("2.bias").copy()), name.equals("cross_entropy") || name.equals("kl"));
        double[] epsilon = Goldens.get(name + ".epsilon").toArray();
        double[] lambda = Goldens.get(name + ".lambda").toArray();
        List<TransformPair> pairs = List.of(
                TransformPair.of(Transforms.linear(matrix(Goldens.get(name + ".m_out"))),
                        Transforms.linear(matrix(Goldens.get(name + ".m_in"))), epsilon[0], lambda[0]),
                TransformPair.of(Transforms.identity(), Transforms.roll(1, 1), epsilon[1], lambda[1]),
                TransformPair.of(Transforms.flip(1), Transforms.flip(1), epsilon[2], lambda[2]));
        EquivarianceError regularizer = EquivarianceError.builder(model, new int[] {4}, pairs)
                .distance(distance(name)).functionsPerCall(3).withReplacement(false).build();

        Tensor penalty = regularizer.compute(Goldens.get(name + ".inputs"));
        penalty.backward();

        assertRelativelyClose(Goldens.get(name + ".penalty"), penalty, Tolerances.GOLDEN_RELATIVE, name + " penalty");
        assertGradientsMatch(model, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kl_logits", "kl"})
    void klPerSampleAndItsGradientsMatchPyTorch(String name) {
        Tensor a = Goldens.get(name + ".direct.a").copy().requiresGrad(true);
        Tensor b = Goldens.get(name + ".direct.b").copy().requiresGrad(true);
        Tensor distance = Distance.parse(name).between(a, b);
        distance.mul(Goldens.get(name + ".direct.weights")).sum().backward();
        assertRelativelyClose(Goldens.get(name + ".direct.distance"), distance, Tolerances.GOLDEN_RELATIVE, name + " distance");
        assertRelativelyClose(Goldens.get(name + ".direct.grad_a"), a.grad(), Tolerances.GOLDEN_RELATIVE, name + " grad a");
        assertRelativelyClose(Goldens.get(name + ".direct.grad_b"), b.grad(), Tolerances.GOLDEN_RELATIVE, name + " grad b");
    }

    private static Distance distance(String name) {
        switch (name) {
            case "lp3":
                return Distance.lp(3);
            case "lp1_5":
                return Distance.lp(1.5);
            case "L1":
                return Distance.L1;
            case "L2":
                return Distance.L2;
            case "LINF":
                return Distance.parse("inf");
            default:
                return Distance.parse(name);
        }
    }

    @Test
    void imageModelUnderRotationsMatchesPyTorch() {
        Map<String, Tensor> state = Goldens.withPrefix("conv.model.");
        Module model = new ConvNet(new Conv(state.get("0.weight").copy(), state.get("0.bias").copy()),
                new Conv(state.get("2.weight").copy(), state.get("2.bias").copy()));
        double[] lambda = Goldens.get("conv.lambda").toArray();
        List<Transform> transforms = List.of(Transforms.rot90(1), Transforms.rotate(0.3, Padding.ZEROS),
                Transforms.rotate(-0.7, Padding.BORDER), Transforms.scale(1.2, Padding.ZEROS));
        List<TransformPair> pairs = new ArrayList<>();
        for (int i = 0; i < transforms.size(); i++) {
            pairs.add(TransformPair.of(transforms.get(i), transforms.get(i), 0, lambda[i]));
        }
        EquivarianceError regularizer = EquivarianceError.builder(model, new int[] {1, 6, 6}, pairs)
                .functionsPerCall(pairs.size()).withReplacement(false).build();

        Tensor penalty = regularizer.compute(Goldens.get("conv.inputs"));
        penalty.backward();

        assertRelativelyClose(Goldens.get("conv.penalty"), penalty, Tolerances.GOLDEN_RELATIVE, "conv penalty");
        assertGradientsMatch(model, "conv");
    }

    private static void assertGradientsMatch(Module model, String name) {
        Map<String, Tensor> expected = Goldens.withPrefix(name + ".grad.");
        assertEquals(expected.keySet(), model.namedParameters().keySet(), name + ": parameter names");
        model.namedParameters().forEach((key, parameter) -> {
            assertTrue(parameter.grad() != null, name + ": no gradient for " + key);
            assertRelativelyClose(expected.get(key), parameter.grad(), Tolerances.GOLDEN_RELATIVE, name + " grad " + key);
        });
    }

    static double[][] matrix(Tensor square) {
        int d = square.dim(0);
        double[][] rows = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                rows[i][j] = square.get(i, j);
            }
        }
        return rows;
    }
}
