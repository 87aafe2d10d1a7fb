package org.equireg.regularizer.lie;

import static org.equireg.regularizer.support.Assertions.assertRelativelyClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleFunction;
import java.util.stream.Stream;
import org.equireg.core.DType;
import org.equireg.core.GradCheck;
import org.equireg.core.Tensor;
import org.equireg.regularizer.transforms.Padding;
import org.equireg.regularizer.transforms.Transform;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Each generator's tangent against central finite differences of the library's own warps: every
 * family, both paddings, odd, even and non-square sizes, several channels.
 */
class LieGeneratorTest {
    private static final double FLOAT64_RELATIVE = 1e-6;
    private static final double FLOAT32_RELATIVE = 2e-6;
    private static final double[][] A = {{0.3, -0.7}, {0.45, -0.2}};
    private static final double[] B = {0.6, -1.1};

    static LieGenerator generator(String family, Padding padding) {
        return switch (family) {
            case "rotation" -> LieGenerator.rotation(padding);
            case "scale" -> LieGenerator.scale(padding);
            case "translation" -> LieGenerator.translation(0.8, -1.3, padding);
            case "affine" -> LieGenerator.affine(A, B, padding);
            case "shear" -> LieGenerator.shear(padding);
            case "stretch" -> LieGenerator.stretch(padding);
            default -> throw new IllegalArgumentException(family);
        };
    }

    static DoubleFunction<Transform> warps(String family, Padding padding) {
        return switch (family) {
            case "rotation" -> t -> Transforms.rotate(t, padding);
            case "scale" -> t -> Transforms.scale(Math.exp(t), padding);
            case "translation" -> t -> Transforms.affine(new double[][] {{1, 0}, {0, 1}}, new double[] {0.8 * t, -1.3 * t}, padding);
            case "affine" -> t -> Transforms.affine(new double[][] {{1 + t * A[0][0], t * A[0][1]}, {t * A[1][0], 1 + t * A[1][1]}},
                    new double[] {t * B[0], t * B[1]}, padding);
            case "shear" -> t -> Transforms.affine(new double[][] {{1, t}, {0, 1}}, new double[] {0, 0}, padding);
            case "stretch" -> t -> Transforms.affine(new double[][] {{1 + t, 0}, {0, 1 - t}}, new double[] {0, 0}, padding);
            default -> throw new IllegalArgumentException(family);
        };
    }

    static Stream<Arguments> cases() {
        String[] families = {"rotation", "scale", "translation", "affine", "shear", "stretch"};
        int[][] sizes = {{5, 5}, {6, 6}, {7, 4}, {4, 9}};
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String family : families) {
            for (Padding padding : Padding.values()) {
                for (int[] size : sizes) {
                    cases.add(Arguments.of(family, padding, size[0], size[1]));
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} {1} {2}x{3}")
    @MethodSource("cases")
    void tangentIsTheCentralDerivativeOfTheWarps(String family, Padding padding, int height, int width) {
        Tensor images = Tensor.randn(new Random(height * 31L + width), 2, 3, height, width);
        Tensor expected = WarpDifferences.at(warps(family, padding), images);
        Tensor tangent = generator(family, padding).tangent(images);
        assertRelativelyClose(expected, tangent, FLOAT64_RELATIVE, family + " " + padding + " " + height + "x" + width);
        double size = 0;
        for (double value : tangent.buffer()) {
            size = Math.max(size, Math.abs(value));
        }
        assertTrue(size > 0.1, family + ": the tangent of random images is not small, got max " + size);
    }

    @ParameterizedTest(name = "{0} {1} {2}x{3}")
    @MethodSource("cases")
    void float32TangentMatchesFloat64Differences(String family, Padding padding, int height, int width) {
        Tensor images = Tensor.randn(new Random(height * 17L + width), 2, 2, height, width).to(DType.FLOAT32).to(DType.FLOAT64);
        Tensor expected = WarpDifferences.at(warps(family, padding), images);
        Tensor tangent = generator(family, padding).tangent(images.to(DType.FLOAT32));
        assertTrue(tangent.dtype() == DType.FLOAT32, "float32 in, float32 out");
        assertRelativelyClose(expected, tangent.to(DType.FLOAT64), FLOAT32_RELATIVE, family + " float32");
    }

    @Test
    void theWarpHasAKinkAtTheIdentity() {
        // the two one-sided derivatives differ, so "the" derivative needs a convention
        Tensor images = Tensor.randn(new Random(3), 1, 1, 5, 5);
        DoubleFunction<Transform> rotate = t -> Transforms.rotate(t, Padding.ZEROS);
        double h = 1e-6;
        Tensor forward = rotate.apply(h).apply(images).sub(images).div(h);
        Tensor backward = images.sub(rotate.apply(-h).apply(images)).div(h);
        assertTrue(forward.sub(backward).abs().max().item() > 0.1, "one-sided derivatives of a rotation differ");
        assertRelativelyClose(forward.add(backward).mul(0.5), LieGenerator.rotation(Padding.ZEROS).tangent(images), 1e-4,
                "the tangent is their mean");
    }

    @Test
    void translationByWholePixelsIsTheCentralDifference() {
        Tensor images = Tensor.of(new double[] {1, 2, 4, 8, 16, 32}, 1, 1, 2, 3);
        // x to the right: -(x[j + 1] - x[j - 1]) / 2 with zeros outside
        Tensor expected = Tensor.of(new double[] {-1, -1.5, 1, -8, -12, 8}, 1, 1, 2, 3);
        assertRelativelyClose(expected, LieGenerator.translation(1, 0, Padding.ZEROS).tangent(images), 1e-15, "x shift");
        // y up: content moves to smaller rows, d/dt x[i] = (x[i + 1] - x[i - 1]) / 2, the edge repeated
        Tensor up = Tensor.of(new double[] {3.5, 7, 14, 3.5, 7, 14}, 1, 1, 2, 3);
        assertRelativelyClose(up, LieGenerator.translation(0, 1, Padding.BORDER).tangent(images), 1e-15, "y shift");
    }

    @Test
    void signalShiftsAreTheDerivativesOfInterpolatedShifts() {
        Tensor signals = Tensor.randn(new Random(5), 2, 3, 7);
        Tensor zeroPadded = WarpDifferences.at(t -> batch -> Transforms.affine(new double[][] {{1, 0}, {0, 1}},
                new double[] {t, 0}, Padding.ZEROS).apply(batch.reshape(2, 3, 1, 7)).reshape(2, 3, 7), signals);
        assertRelativelyClose(zeroPadded, LieGenerator.signalShift().tangent(signals), FLOAT64_RELATIVE, "zero padded");
        Tensor cyclic = WarpDifferences.at(t -> batch -> cyclicShift(batch, t), signals);
        assertRelativelyClose(cyclic, LieGenerator.cyclicSignalShift().tangent(signals), FLOAT64_RELATIVE, "cyclic");
    }

    // x(k - t) by linear interpolation on a circle
    private static Tensor cyclicShift(Tensor signals, double t) {
        double[] in = signals.toArray();
        int length = signals.dim(-1);
        double[] out = new double[in.length];
        for (int row = 0; row < in.length / length; row++) {
            for (int k = 0; k < length; k++) {
                double position = k - t;
                int k0 = (int) Math.floor(position);
                double fraction = position - k0;
                out[row * length + k] = (1 - fraction) * in[row * length + Math.floorMod(k0, length)]
                        + fraction * in[row * length + Math.floorMod(k0 + 1, length)];
            }
        }
        return Tensor.of(out, signals.shape());
    }

    @Test
    void brightnessTangentIsTheInput() {
        Tensor images = Tensor.randn(new Random(9), 2, 1, 3, 3);
        Tensor expected = WarpDifferences.at(t -> batch -> batch.mul(Math.exp(t)), images);
        assertRelativelyClose(expected, LieGenerator.brightness().tangent(images), FLOAT64_RELATIVE, "brightness");
    }

    @Test
    void tangentIsDifferentiable() {
        LieGenerator rotation = LieGenerator.rotation(Padding.BORDER);
        Tensor images = Tensor.randn(new Random(11), 2, 2, 5, 4).requiresGrad(true);
        Tensor weights = Tensor.randn(new Random(12), 2, 2, 5, 4);
        GradCheck.standard().check(inputs -> rotation.tangent(inputs[0]).mul(weights).sum(), images);
        Tensor tangent = rotation.tangent(images);
        assertTrue(tangent.requiresGrad(), "the tangent has a graph");
        assertArrayEquals(images.shape(), tangent.shape());
    }
}
