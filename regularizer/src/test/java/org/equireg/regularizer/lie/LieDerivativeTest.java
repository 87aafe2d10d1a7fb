package org.equireg.regularizer.lie;

import static org.equireg.regularizer.support.Assertions.assertRelativelyClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import org.equireg.core.DType;
import org.equireg.core.GradCheck;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;
import org.equireg.regularizer.support.Conv;
import org.equireg.regularizer.support.ConvNet;
import org.equireg.regularizer.support.Tolerances;
import org.equireg.regularizer.transforms.Padding;
import org.equireg.regularizer.transforms.Transform;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.api.Test;

/** {@link LieDerivative#apply} against central finite differences of the model composed with the warps. */
class LieDerivativeTest {
    private static final double FLOAT64_RELATIVE = 1e-6;
    private static final double FLOAT32_RELATIVE = 1e-4;

    @Test
    void invarianceFormIsTheDerivativeOfTheModelAlongTheWarps() {
        Module model = Models.classifier(7, 6, 1);
        Tensor x = Tensor.rand(new Random(2), 3, 1, 7, 6);
        check(model, LieGenerator.rotation(Padding.ZEROS), t -> Transforms.rotate(t, Padding.ZEROS), x);
        check(model, LieGenerator.scale(Padding.BORDER), t -> Transforms.scale(Math.exp(t), Padding.BORDER), x);
        check(model, LieGenerator.translation(1, 0, Padding.BORDER),
                t -> Transforms.affine(new double[][] {{1, 0}, {0, 1}}, new double[] {t, 0}, Padding.BORDER), x);
        check(model, LieGenerator.affine(new double[][] {{0.2, -0.5}, {0.3, 0.1}}, new double[] {0.4, -0.7}, Padding.ZEROS),
                t -> Transforms.affine(new double[][] {{1 + 0.2 * t, -0.5 * t}, {0.3 * t, 1 + 0.1 * t}},
                        new double[] {0.4 * t, -0.7 * t}, Padding.ZEROS), x);
    }

    private static void check(Module model, LieGenerator generator, DoubleFunction<Transform> warps, Tensor x) {
        Tensor expected = WarpDifferences.at(t -> batch -> model.forward(warps.apply(t).apply(batch)), x);
        Tensor actual = LieDerivative.invariance(model, generator).apply(x);
        assertRelativelyClose(expected, actual.detach(), FLOAT64_RELATIVE, generator.name());
        assertTrue(expected.abs().max().item() > Tolerances.CLEARLY_POSITIVE, generator.name() + ": not trivially zero");
    }

    @Test
    void equivarianceFormSubtractsTheOutputTangent() {
        Module model = Models.imageModel(3);
        Tensor x = Tensor.rand(new Random(4), 2, 1, 6, 5);
        // d/dt T_-t model(T_t x): T_-t is the inverse to first order, which is all the derivative sees
        DoubleFunction<Transform> rotate = t -> Transforms.rotate(t, Padding.ZEROS);
        Tensor expected = WarpDifferences.at(t -> batch -> rotate.apply(-t).apply(model.forward(rotate.apply(t).apply(batch))), x);
        Tensor actual = LieDerivative.equivariance(model, LieGenerator.rotation(Padding.ZEROS)).apply(x);
        assertRelativelyClose(expected, actual.detach(), FLOAT64_RELATIVE, "equivariance form");
        assertArrayEquals(new int[] {2, 1, 6, 5}, actual.shape());
    }

    @Test
    void equivarianceFormNeedsImageOutputs() {
        LieDerivative derivative = LieDerivative.equivariance(Models.classifier(5, 5, 1), LieGenerator.rotation(Padding.ZEROS));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> derivative.apply(Tensor.rand(new Random(1), 2, 1, 5, 5)));
        assertTrue(error.getMessage().contains("[2, 4]"), error.getMessage());
    }

    @Test
    void float32AgreesWithFloat64() {
        Module model = Models.classifier(7, 6, 5);
        Tensor x = Tensor.rand(new Random(6), 3, 1, 7, 6);
        LieGenerator rotation = LieGenerator.rotation(Padding.ZEROS);
        Tensor exact = LieDerivative.invariance(model, rotation).apply(x).detach();
        model.to(DType.FLOAT32);
        Tensor single = LieDerivative.invariance(model, rotation).apply(x.to(DType.FLOAT32)).detach();
        assertTrue(single.dtype() == DType.FLOAT32, "float32 in, float32 out");
        assertRelativelyClose(exact, single.to(DType.FLOAT64), FLOAT32_RELATIVE, "float32");
    }

    @Test
    void lieDerivativeIsLinearInTheGenerator() {
        Module model = Models.classifier(5, 6, 7);
        Tensor x = Tensor.rand(new Random(8), 2, 1, 5, 6);
        Tensor alongX = LieDerivative.invariance(model, LieGenerator.translation(1, 0, Padding.ZEROS)).apply(x);
        Tensor alongY = LieDerivative.invariance(model, LieGenerator.translation(0, 1, Padding.ZEROS)).apply(x);
        Tensor combined = LieDerivative.invariance(model, LieGenerator.translation(2, -3, Padding.ZEROS)).apply(x);
        assertRelativelyClose(alongX.mul(2).sub(alongY.mul(3)).detach(), combined.detach(), Tolerances.ROUNDING * 100,
                "L_(2X - 3Y) = 2 L_X - 3 L_Y");
    }

    @Test
    void liePenaltyGradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(9);
        ConvNet start = new ConvNet(Conv.random(1, 2, 3, random), Conv.random(2, 1, 3, random));
        Tensor x = Tensor.rand(new Random(10), 2, 1, 5, 5);
        GradCheck.standard().check(parameters -> {
            List<Tensor> given = List.of(parameters);
            Module model = new ConvNet(new Conv(given.get(0), given.get(1)), new Conv(given.get(2), given.get(3)));
            Tensor lie = LieDerivative.equivariance(model, LieGenerator.rotation(Padding.BORDER)).apply(x);
            return lie.mul(lie).sum().div(2);
        }, start.parameters().toArray(new Tensor[0]));
    }

    @Test
    void exactlyInvariantModelHasZeroLieDerivative() {
        // cyclic shift along the width; pointwise linear map, then global average pooling
        Tensor x = Tensor.randn(new Random(11), 4, 2, 6, 7).mul(4); // large enough for tanh to bend
        LieError invariant = LieDerivative.invariance(Models.pooled(2, false, 12), LieGenerator.cyclicSignalShift()).measure(x);
        assertTrue(invariant.meanAbsolute() < Tolerances.EXACT, "invariant model: " + invariant);
        LieError aliased = LieDerivative.invariance(Models.pooled(2, true, 12), LieGenerator.cyclicSignalShift()).measure(x);
        assertTrue(aliased.meanAbsolute() > Tolerances.CLEARLY_POSITIVE, "a nonlinearity before pooling aliases: " + aliased);
    }

    @Test
    void measureGivesBothForms() {
        Module model = Models.classifier(5, 5, 13);
        Tensor x = Tensor.rand(new Random(14), 3, 1, 5, 5);
        LieDerivative derivative = LieDerivative.invariance(model, LieGenerator.rotation(Padding.ZEROS));
        Tensor lie = derivative.apply(x).detach();
        LieError error = derivative.measure(x);
        assertRelativelyClose(lie.abs().mean().reshape(1), Tensor.of(new double[] {error.meanAbsolute()}, 1),
                Tolerances.ROUNDING, "mean |L f|");
        assertRelativelyClose(lie.mul(lie).sum().div(3).reshape(1), Tensor.of(new double[] {error.meanSquaredNorm()}, 1),
                Tolerances.ROUNDING, "mean ||L f||^2");
        assertTrue(error.meanAbsoluteStandardError() > 0 && error.meanSquaredNormStandardError() > 0, error.toString());
    }
}
