package org.equireg.regularizer.transforms;

import java.util.Arrays;
import org.equireg.core.Tensor;

/**
 * Separable blur of images {@code (batch, ..., height, width)}: correlation of every plane with the
 * outer product {@code k k^T} of an odd-length kernel, zero padding, same size. Blurs with kernels
 * k1 and k2 compose to the blur with their convolution {@code k1 * k2} (exactly on images whose
 * support stays inside the window; the border truncates otherwise): a semigroup action, not
 * invertible. Built on a depthwise {@code conv2d}.
 */
final class Blur implements Transform {
    private final double[] kernel;
    private final String name;
    private final Tensor weight; // (1, 1, k, k)

    Blur(String name, double[] kernel) {
        if (kernel.length % 2 != 1) {
            throw new IllegalArgumentException("Transforms." + name + ": the kernel needs an odd length, got "
                    + kernel.length);
        }
        this.name = name;
        this.kernel = kernel.clone();
        double[] outer = new double[kernel.length * kernel.length];
        for (int i = 0; i < kernel.length; i++) {
            for (int j = 0; j < kernel.length; j++) {
                outer[i * kernel.length + j] = kernel[i] * kernel[j];
            }
        }
        this.weight = Tensor.wrap(outer, 1, 1, kernel.length, kernel.length);
    }

    /** The normalised Gaussian kernel {@code exp(-x^2 / (2 sigma^2))}, x = -radius..radius. */
    static double[] gaussian(double sigma, int radius) {
        if (!(sigma > 0) || radius < 0) {
            throw new IllegalArgumentException("Transforms.gaussianBlur: needs sigma > 0 and radius >= 0, got sigma = "
                    + sigma + ", radius = " + radius);
        }
        double[] kernel = new double[2 * radius + 1];
        double total = 0;
        for (int x = -radius; x <= radius; x++) {
            kernel[x + radius] = Math.exp(-x * x / (2 * sigma * sigma));
            total += kernel[x + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= total;
        }
        return kernel;
    }

    @Override
    public Tensor apply(Tensor batch) {
        Axes.requireImages(name, batch);
        int[] shape = batch.shape();
        int height = shape[shape.length - 2];
        int width = shape[shape.length - 1];
        Tensor planes = batch.reshape(batch.size() / (height * width), 1, height, width);
        return planes.conv2d(weight.to(batch.dtype()), null, 1, kernel.length / 2).reshape(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(kernel);
    }
}
