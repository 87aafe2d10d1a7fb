package org.equireg.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The output size {@code floor((H + 2p - d (k - 1) - 1) / s) + 1} of conv2d and the pooling ops at its
 * edges. A window larger than the padded input makes the numerator negative; it must round down (an
 * output size of 0 or less is an error, as in PyTorch), not towards zero to a 1x1 result computed
 * outside the image. An output size of exactly 1 is fine.
 */
class WindowGeometryTest {

    private static final Tensor SEVEN = Tensor.full(7, 4, 1, 1, 1);   // (4, 1, 1, 1), every pixel 7

    private static void assertRejected(Executable call, String... quoted) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        for (String fragment : quoted) {
            assertTrue(message.contains(fragment), "'" + fragment + "' missing from: " + message);
        }
    }

    @Test
    void poolingWindowLargerThanTheImageIsRejectedWhateverTheStride() {
        // numerator 1 - 1 - 1 = -1: truncation gave 0 + 1 = 1 for stride 2, floor gives 0.
        assertRejected(() -> SEVEN.maxPool2d(2, 2, 0), "maxPool2d", "kernel 2", "stride 2", "[4, 1, 1, 1]", "output 0x0");
        assertRejected(() -> SEVEN.avgPool2d(2, 2, 0), "avgPool2d", "kernel 2", "stride 2", "[4, 1, 1, 1]", "output 0x0");
        assertRejected(() -> SEVEN.maxPool2d(2, 1, 0), "maxPool2d", "output 0x0");
        assertRejected(() -> SEVEN.avgPool2d(3, 5, 0), "avgPool2d", "stride 5", "output 0x0");
    }

    @Test
    void poolingRejectsWhenOnlyOneAxisIsTooSmall() {
        Tensor row = Tensor.ones(1, 1, 1, 4);   // height 1, width 4
        assertRejected(() -> row.maxPool2d(2, 2, 0), "maxPool2d", "[1, 1, 1, 4]", "output 0x2");
    }

    @Test
    void poolingWithOutputSizeExactlyOneIsFine() {
        Tensor image = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        // numerator 3 - 2 - 1 = 0 (window fits exactly at the origin), and 1 with stride 2: both one window.
        assertArrayEquals(new double[] {5}, image.slice(2, 0, 2).slice(3, 0, 2).maxPool2d(2, 2, 0).toArray());
        Tensor pooled = image.maxPool2d(2, 2, 0);
        assertArrayEquals(new int[] {1, 1, 1, 1}, pooled.shape());
        assertArrayEquals(new double[] {5}, pooled.toArray());
        assertArrayEquals(new double[] {3}, image.avgPool2d(2, 2, 0).toArray());
        // A 1x1 image under a 3x3 window padded by 1: one window, zeros counted (count_include_pad), 7 / 9.
        Tensor averaged = SEVEN.avgPool2d(3, 1, 1);
        assertArrayEquals(new int[] {4, 1, 1, 1}, averaged.shape());
        assertEquals(7.0 / 9.0, averaged.toArray()[0], 0.0);
        assertArrayEquals(new double[] {7, 7, 7, 7}, SEVEN.maxPool2d(3, 4, 1).toArray());
    }

    @Test
    void convolutionKernelLargerThanTheImageIsRejectedWhateverTheStride() {
        Tensor image = Tensor.ones(1, 1, 2, 2);
        Tensor kernel = Tensor.ones(1, 1, 3, 3);
        assertRejected(() -> image.conv2d(kernel, null, 2, 0), "conv2d", "3x3", "stride 2", "[1, 1, 2, 2]", "output 0x0");
        assertRejected(() -> image.conv2d(kernel, null, 1, 0), "conv2d", "3x3", "stride 1", "output 0x0");
        // dilation 2 spans 3 pixels with a 2x2 kernel: numerator 2 - 2 - 1 = -1.
        assertRejected(() -> image.conv2d(Tensor.ones(1, 1, 2, 2), null, 3, 0, 2, 1), "conv2d", "dilation 2", "output 0x0");
    }

    @Test
    void convolutionWithOutputSizeExactlyOneIsFine() {
        Tensor image = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        Tensor kernel = Tensor.ones(1, 1, 3, 3);
        for (int stride : new int[] {1, 2, 3, 7}) {
            Tensor out = image.conv2d(kernel, null, stride, 0);
            assertArrayEquals(new int[] {1, 1, 1, 1}, out.shape(), "stride " + stride);
            assertArrayEquals(new double[] {45}, out.toArray(), "stride " + stride);
        }
        // A 1x1 image, 3x3 kernel padded by 1: only the centre tap sees the pixel.
        Tensor centre = Tensor.of(new double[] {0, 0, 0, 0, 2, 0, 0, 0, 0}, 1, 1, 3, 3);
        assertArrayEquals(new double[] {14}, Tensor.full(7, 1, 1, 1, 1).conv2d(centre, null, 2, 1).toArray());
    }
}
