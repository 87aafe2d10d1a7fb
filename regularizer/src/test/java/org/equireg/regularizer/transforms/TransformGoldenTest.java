package org.equireg.regularizer.transforms;

import static org.equireg.regularizer.support.Assertions.assertRelativelyClose;

import java.util.Map;
import org.equireg.core.Tensor;
import org.equireg.regularizer.support.Goldens;
import org.equireg.regularizer.support.Tolerances;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bilinear warps against {@code grid_sample(affine_grid(...))}, blur against a depthwise
 * {@code conv2d} and downsampling against {@code avg_pool2d}, on non-square images: values and
 * the input gradient of {@code sum(out * upstream)}.
 */
class TransformGoldenTest {
    private static final Map<String, Transform> TRANSFORMS = Map.of(
            "rotate_0.4_zeros", Transforms.rotate(0.4, Padding.ZEROS),
            "rotate_-1.1_border", Transforms.rotate(-1.1, Padding.BORDER),
            "scale_1.3_zeros", Transforms.scale(1.3, Padding.ZEROS),
            "scale_0.7_border", Transforms.scale(0.7, Padding.BORDER),
            "affine_zeros", Transforms.affine(new double[][] {{1.1, 0.3}, {-0.2, 0.9}}, new double[] {0.8, -1.3},
                    Padding.ZEROS),
            "gaussian_blur", Transforms.gaussianBlur(0.8, 2),
            "downsample_2", Transforms.downsample(2));

    @ParameterizedTest
    @ValueSource(strings = {"rotate_0.4_zeros", "rotate_-1.1_border", "scale_1.3_zeros", "scale_0.7_border",
        "affine_zeros", "gaussian_blur", "downsample_2"})
    void matchesPyTorch(String name) {
        Tensor x = Goldens.get(name + ".x").copy().requiresGrad(true);
        Tensor out = TRANSFORMS.get(name).apply(x);
        out.backward(Goldens.get(name + ".upstream"));

        assertRelativelyClose(Goldens.get(name + ".out"), out, Tolerances.GOLDEN_RELATIVE, name + " value");
        assertRelativelyClose(Goldens.get(name + ".grad"), x.grad(), Tolerances.GOLDEN_RELATIVE, name + " gradient");
    }
}
