package org.equireg.examples.shift;

import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;

/**
 * A shift-equivariant regression task: the target of a signal x of length L is the circular
 * cross-correlation {@code y[i] = sum_j kernel[j] x[(i + j - width/2) mod L]} with a fixed random
 * kernel, so {@code y(roll(x, s)) = roll(y(x), s)}. Training signals are few, their targets noisy,
 * and they live on the first half of the positions only (zero elsewhere); test signals come from
 * the same distribution, then each is rolled by its own random shift in 1..L-1.
 *
 * @param kernel         the convolution kernel, odd width
 * @param trainInputs    (trainSize, L), non-zero on positions 0..L/2-1 only
 * @param trainTargets   (trainSize, L), exact targets plus Gaussian noise
 * @param testInputs     (testSize, L), fresh signals of the training distribution
 * @param testTargets    (testSize, L), exact
 * @param shiftedInputs  (testSize, L), test signal i rolled by shift i
 * @param shiftedTargets (testSize, L), exact
 */
public record ShiftProblem(double[] kernel, Tensor trainInputs, Tensor trainTargets, Tensor testInputs, Tensor testTargets,
                           Tensor shiftedInputs, Tensor shiftedTargets) {

    /**
     * A problem drawn from {@code random}.
     *
     * @param length      signal length L, at least 2
     * @param kernelWidth odd, at most L; the kernel is N(0, 1/width) per tap
     * @param noise       standard deviation of the training targets' noise
     */
    public static ShiftProblem draw(int length, int kernelWidth, int trainSize, int testSize, double noise, RandomGenerator random) {
        if (length < 2 || kernelWidth < 1 || kernelWidth % 2 == 0 || kernelWidth > length || trainSize < 1 || testSize < 1 || !(noise >= 0)) {
            throw new IllegalArgumentException("ShiftProblem.draw: needs length >= 2, an odd kernelWidth <= length, sizes >= 1 and "
                    + "noise >= 0, got " + length + ", " + kernelWidth + ", " + trainSize + ", " + testSize + ", " + noise);
        }
        double[] kernel = new double[kernelWidth];
        for (int j = 0; j < kernelWidth; j++) {
            kernel[j] = random.nextGaussian() / Math.sqrt(kernelWidth);
        }
        double[] train = signals(trainSize, length, random);
        double[] trainTargets = convolve(kernel, train, length);
        for (int i = 0; i < trainTargets.length; i++) {
            trainTargets[i] += noise * random.nextGaussian();
        }
        double[] test = signals(testSize, length, random);
        double[] shifted = new double[test.length];
        for (int row = 0; row < testSize; row++) {
            int shift = 1 + random.nextInt(length - 1);
            for (int i = 0; i < length; i++) {
                shifted[row * length + (i + shift) % length] = test[row * length + i];
            }
        }
        return new ShiftProblem(kernel, Tensor.of(train, trainSize, length), Tensor.of(trainTargets, trainSize, length),
                Tensor.of(test, testSize, length), Tensor.of(convolve(kernel, test, length), testSize, length),
                Tensor.of(shifted, testSize, length), Tensor.of(convolve(kernel, shifted, length), testSize, length));
    }

    /** Signal length L. */
    public int length() {
        return trainInputs.dim(1);
    }

    /** {@code count} signals, N(0, 1) on the first half of the positions and zero on the rest. */
    private static double[] signals(int count, int length, RandomGenerator random) {
        double[] values = new double[count * length];
        for (int row = 0; row < count; row++) {
            for (int i = 0; i < length / 2; i++) {
                values[row * length + i] = random.nextGaussian();
            }
        }
        return values;
    }

    /** The exact targets of row-major signals of the given length. Not modified. */
    static double[] convolve(double[] kernel, double[] signals, int length) {
        double[] result = new double[signals.length];
        int half = kernel.length / 2;
        for (int start = 0; start < signals.length; start += length) {
            for (int i = 0; i < length; i++) {
                double sum = 0;
                for (int j = 0; j < kernel.length; j++) {
                    sum += kernel[j] * signals[start + Math.floorMod(i + j - half, length)];
                }
                result[start + i] = sum;
            }
        }
        return result;
    }
}
