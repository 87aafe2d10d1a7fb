package org.equireg.regularizer;

import static org.equireg.regularizer.support.Assertions.assertRelativelyClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.equireg.core.Autograd;
import org.equireg.core.DType;
import org.equireg.core.SafeTensors;
import org.equireg.core.Tensor;
import org.equireg.nn.Losses;
import org.equireg.nn.Module;
import org.equireg.regularizer.support.Conv;
import org.equireg.regularizer.support.ConvNet;
import org.equireg.regularizer.support.Tolerances;
import org.equireg.regularizer.transforms.Padding;
import org.equireg.regularizer.transforms.Transform;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Second derivatives against PyTorch ({@code second_order.safetensors}, written by
 * regularizer_goldens.py), within {@link Tolerances#GOLDEN_RELATIVE}. PyTorch 1.13 cannot
 * differentiate {@code grid_sample} twice, so its reference applies each warp as an explicit
 * interpolation matrix built from the library's convention, which the script first checks against
 * {@code grid_sample}: the Hessian-vector products of {@code tanh(warp(conv2d(x, w, b)))} with
 * respect to the image and the weights (also in float32 against PyTorch's float32), those of the
 * image penalty with respect to the weights, and the weight gradient of an input-gradient penalty
 * of a regularized loss.
 */
class SecondOrderGoldenTest {
    private static final Map<String, Tensor> GOLDEN = load();
    /**
     * float32 against PyTorch's float32, as core's float32 goldens: both round in float32 but sum in
     * different orders (equireg's sampling sums in double), a few float32 roundings, 1e-5 relative.
     */
    private static final double FLOAT32_RELATIVE = 1e-5;

    private static Map<String, Tensor> load() {
        try {
            return SafeTensors.read(Path.of(SecondOrderGoldenTest.class.getResource("/golden/second_order.safetensors")
                    .toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Tensor get(String name) {
        Tensor tensor = GOLDEN.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("no golden tensor '" + name
                    + "'; rerun scripts/golden/regularizer_goldens.py");
        }
        return tensor;
    }

    private static Transform warp(String name) {
        return switch (name) {
            case "rotate_0.4_zeros" -> Transforms.rotate(0.4, Padding.ZEROS);
            case "rotate_-1.1_border" -> Transforms.rotate(-1.1, Padding.BORDER);
            case "scale_1.3_zeros" -> Transforms.scale(1.3, Padding.ZEROS);
            case "scale_0.7_border" -> Transforms.scale(0.7, Padding.BORDER);
            case "affine_zeros" -> Transforms.affine(new double[][] {{1.1, 0.3}, {-0.2, 0.9}}, new double[] {0.8, -1.3},
                    Padding.ZEROS);
            case "gaussian_blur" -> Transforms.gaussianBlur(0.8, 2);
            default -> throw new IllegalArgumentException("unknown warp " + name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"rotate_0.4_zeros", "rotate_-1.1_border", "scale_1.3_zeros", "scale_0.7_border",
        "affine_zeros", "gaussian_blur"})
    void warpHessianVectorProductsMatchPyTorch(String name) {
        checkWarp("warp.", DType.FLOAT64, name, Tolerances.GOLDEN_RELATIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rotate_0.4_zeros", "rotate_-1.1_border", "scale_1.3_zeros", "scale_0.7_border",
        "affine_zeros", "gaussian_blur"})
    void float32WarpHessianVectorProductsMatchPyTorchFloat32(String name) {
        checkWarp("warp32.", DType.FLOAT32, name, FLOAT32_RELATIVE);
    }

    private static void checkWarp(String family, DType dtype, String name, double tolerance) {
        String prefix = family + name + ".";
        List<Tensor> inputs = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            inputs.add(get(prefix + "input" + k).to(dtype).requiresGrad(true));
        }
        Tensor output = warp(name).apply(inputs.get(0).conv2d(inputs.get(1), inputs.get(2), 1, 1)).tanh();
        assertEquals(dtype, output.dtype(), name + " output type");
        assertRelativelyClose(get(prefix + "output"), output.to(DType.FLOAT64), tolerance, name + " output");
        List<Tensor> grads = Autograd.grad(List.of(output), inputs, List.of(get(prefix + "upstream").to(dtype)), true);
        List<Tensor> directions = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            assertRelativelyClose(get(prefix + "grad" + k), grads.get(k).to(DType.FLOAT64), tolerance,
                    name + " grad" + k);
            directions.add(get(prefix + "direction" + k).to(dtype));
        }
        List<Tensor> hvps = Autograd.grad(grads, inputs, directions, false);
        for (int k = 0; k < 3; k++) {
            assertEquals(dtype, hvps.get(k).dtype(), name + " hvp" + k + " type");
            assertRelativelyClose(get(prefix + "hvp" + k), hvps.get(k).to(DType.FLOAT64), tolerance, name + " hvp" + k);
        }
    }

    /** The conv net of the first-order conv golden, with PyTorch's weights, and its four pairs. */
    private static EquivarianceError penalty(Module model) {
        double[] lambda = get("penalty.lambda").toArray();
        List<Transform> transforms = List.of(Transforms.rot90(1), Transforms.rotate(0.3, Padding.ZEROS),
                Transforms.rotate(-0.7, Padding.BORDER), Transforms.scale(1.2, Padding.ZEROS));
        List<TransformPair> pairs = new ArrayList<>();
        for (int i = 0; i < transforms.size(); i++) {
            pairs.add(TransformPair.of(transforms.get(i), transforms.get(i), 0, lambda[i]));
        }
        return EquivarianceError.builder(model, new int[] {1, 6, 6}, pairs).functionsPerCall(pairs.size())
                .withReplacement(false).build();
    }

    private static Module model() {
        return new ConvNet(new Conv(get("penalty.model.0.weight").copy(), get("penalty.model.0.bias").copy()),
                new Conv(get("penalty.model.2.weight").copy(), get("penalty.model.2.bias").copy()));
    }

    @Test
    void penaltyHessianVectorProductMatchesPyTorch() {
        Module model = model();
        List<String> keys = new ArrayList<>(model.namedParameters().keySet());
        List<Tensor> parameters = new ArrayList<>(model.namedParameters().values());
        Tensor value = penalty(model).compute(get("penalty.inputs"));
        assertRelativelyClose(get("penalty.value"), value, Tolerances.GOLDEN_RELATIVE, "penalty");
        List<Tensor> grads = Autograd.grad(List.of(value), parameters, null, true);
        List<Tensor> directions = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            assertRelativelyClose(get("penalty.grad." + keys.get(k)), grads.get(k), Tolerances.GOLDEN_RELATIVE,
                    "penalty grad " + keys.get(k));
            directions.add(get("penalty.direction." + keys.get(k)));
        }
        List<Tensor> hvps = Autograd.grad(grads, parameters, directions, false);
        for (int k = 0; k < keys.size(); k++) {
            assertRelativelyClose(get("penalty.hvp." + keys.get(k)), hvps.get(k), Tolerances.GOLDEN_RELATIVE,
                    "penalty hvp " + keys.get(k));
        }
    }

    @Test
    void inputGradientPenaltyOfARegularizedLossMatchesPyTorch() {
        Module model = model();
        Tensor x = get("penalty.inputs").copy().requiresGrad(true);
        Tensor loss = Losses.mse(model.forward(x), get("input_gradient_penalty.target"))
                .add(penalty(model).compute(x));
        Tensor gradientOfX = Autograd.grad(List.of(loss), List.of(x), null, true).get(0);
        Tensor value = gradientOfX.pow(2).sum();
        assertRelativelyClose(get("input_gradient_penalty.value"), value, Tolerances.GOLDEN_RELATIVE, "value");
        List<String> keys = new ArrayList<>(model.namedParameters().keySet());
        List<Tensor> parameters = new ArrayList<>(model.namedParameters().values());
        List<Tensor> grads = Autograd.grad(List.of(value), parameters, null, false);
        for (int k = 0; k < keys.size(); k++) {
            assertRelativelyClose(get("input_gradient_penalty.grad." + keys.get(k)), grads.get(k),
                    Tolerances.GOLDEN_RELATIVE, "grad " + keys.get(k));
        }
    }
}
