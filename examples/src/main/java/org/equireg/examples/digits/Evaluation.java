package org.equireg.examples.digits;

import java.util.Arrays;
import org.equireg.core.GradMode;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;

/**
 * A model's behaviour on the test set under the four quarter-turn rotations.
 *
 * <p>The measured equivariance error of image {@code x} is the mean over k = 1, 2, 3 of
 * {@code || logSoftmax(model(x)) - logSoftmax(model(rot90^k x)) ||_2}, the regularizer's
 * {@code CROSS_ENTROPY_LOGITS} distance with f_out = identity; the reported error is its mean over
 * the test images and the standard error is {@code sd / sqrt(N)} over those N per-image values.
 * Rotations turn the 8x8 image as {@code Tensor.rot90(k, 2, 3)} (torch.rot90 on the last two axes).
 *
 * @param accuracy              fraction right at rotation 0, 90, 180, 270 degrees (index k = quarter turns)
 * @param equivarianceError     mean over test images of the per-image error above
 * @param equivarianceStdError  its standard error
 * @param predictions           predicted class of each test image at each rotation, [image][k]
 *
 * <p>The arrays are the record's own (not copied); readers must not modify them.
 */
public record Evaluation(double[] accuracy, double equivarianceError, double equivarianceStdError, int[][] predictions) {

    /** Quarter turns evaluated: 0, 90, 180, 270 degrees. */
    public static final int ROTATIONS = 4;

    /** Mean accuracy over the three rotated test sets (90, 180, 270 degrees). */
    public double rotatedAccuracy() {
        return (accuracy[1] + accuracy[2] + accuracy[3]) / 3;
    }

    /**
     * Evaluates {@code model} (switched to eval mode and back to train mode) without recording a graph.
     *
     * @param images (N, 1, 8, 8), not modified
     * @param labels N classes, not modified
     */
    public static Evaluation measure(Module model, Tensor images, int[] labels) {
        int count = labels.length;
        if (images.rank() != 4 || images.dim(0) != count) {
            throw new IllegalArgumentException("Evaluation.measure: images must be (N, 1, 8, 8) with N = labels.length = "
                    + count + ", got " + Arrays.toString(images.shape()));
        }
        double[][] logProbabilities = new double[ROTATIONS][];
        int[][] predictions = new int[count][ROTATIONS];
        double[] accuracy = new double[ROTATIONS];
        int classes;
        model.eval();
        try (GradMode.Scope scope = GradMode.noGrad()) {
            Tensor first = null;
            for (int k = 0; k < ROTATIONS; k++) {
                Tensor logits = model.forward(images.rot90(k, 2, 3)); // (N, classes)
                first = logits;
                logProbabilities[k] = logits.logSoftmax(1).toArray();
                double[] predicted = logits.argmax(1).toArray();
                int right = 0;
                for (int i = 0; i < count; i++) {
                    predictions[i][k] = (int) predicted[i];
                    right += predictions[i][k] == labels[i] ? 1 : 0;
                }
                accuracy[k] = (double) right / count;
            }
            classes = first.dim(1);
        } finally {
            model.train();
        }
        double[] perImage = perImageError(logProbabilities, count, classes);
        return new Evaluation(accuracy, mean(perImage), standardError(perImage), predictions);
    }

    /** Mean over k = 1..3 of the L2 distance between the log-probabilities at rotation 0 and k. */
    private static double[] perImageError(double[][] logProbabilities, int count, int classes) {
        double[] errors = new double[count];
        for (int i = 0; i < count; i++) {
            double sum = 0;
            for (int k = 1; k < ROTATIONS; k++) {
                double squares = 0;
                for (int c = 0; c < classes; c++) {
                    double difference = logProbabilities[0][i * classes + c] - logProbabilities[k][i * classes + c];
                    squares += difference * difference;
                }
                sum += Math.sqrt(squares);
            }
            errors[i] = sum / (ROTATIONS - 1);
        }
        return errors;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** Sample standard deviation over sqrt(n); 0 for fewer than two values. */
    static double standardError(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1) / values.length);
    }
}
