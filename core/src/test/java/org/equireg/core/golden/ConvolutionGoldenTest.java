package org.equireg.core.golden;

import static org.equireg.core.golden.GoldenCase.of;

import java.io.IOException;
import java.util.stream.Stream;
import org.equireg.core.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * conv2d, maxPool2d and avgPool2d against {@code torch.nn.functional} (average pooling with
 * {@code count_include_pad=True}); tensor shapes live in the fixtures, integer arguments here.
 */
class ConvolutionGoldenTest {
    static final String FAMILY = "convolution";

    static Stream<GoldenCase> cases() {
        return Stream.of(
                conv("conv2d_plain", 1, 0, 1, 1),
                conv("conv2d_bias_stride2_pad1", 2, 1, 1, 1),
                conv("conv2d_dilation2_pad2", 1, 2, 2, 1),
                conv("conv2d_groups2_pad1", 1, 1, 1, 2),
                conv("conv2d_depthwise_stride2", 2, 1, 1, 3),
                conv("conv2d_rectangular_kernel", 1, 1, 1, 1),
                conv("conv2d_1x1", 1, 0, 1, 1),
                conv("conv2d_inf_pixel_right_edge", 1, 1, 1, 1),
                conv("conv2d_nan_pixel_right_edge", 1, 0, 1, 1),
                of("max_pool2d_k2", f -> f.input(0).maxPool2d(2, 2, 0)),
                of("max_pool2d_k3_s2_p1", f -> f.input(0).maxPool2d(3, 2, 1)),
                of("max_pool2d_k3_s1_p1", f -> f.input(0).maxPool2d(3, 1, 1)),
                of("max_pool2d_k2_s1_rectangular", f -> f.input(0).maxPool2d(2, 1, 0)),
                of("max_pool2d_k3_s2_floor", f -> f.input(0).maxPool2d(3, 2, 0)),
                of("avg_pool2d_k2", f -> f.input(0).avgPool2d(2, 2, 0)),
                of("avg_pool2d_k3_s2_p1", f -> f.input(0).avgPool2d(3, 2, 1)),
                of("avg_pool2d_k3_s1_p1", f -> f.input(0).avgPool2d(3, 1, 1)),
                of("avg_pool2d_k2_s1_rectangular", f -> f.input(0).avgPool2d(2, 1, 0)),
                of("avg_pool2d_k3_s2_floor", f -> f.input(0).avgPool2d(3, 2, 0)));
    }

    /** A convolution case; the bias is input2 when the fixture has one. */
    private static GoldenCase conv(String name, int stride, int padding, int dilation, int groups) {
        return of(name, f -> {
            Tensor bias = f.inputCount() > 2 ? f.input(2) : null;
            return f.input(0).conv2d(f.input(1), bias, stride, padding, dilation, groups);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(GoldenCase golden) throws IOException {
        Golden.check(FAMILY, golden, Golden.OP_TOLERANCE);
    }
}
