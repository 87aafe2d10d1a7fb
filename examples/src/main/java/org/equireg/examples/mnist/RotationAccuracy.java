package org.equireg.examples.mnist;

import org.equireg.core.GradMode;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;
import org.equireg.regularizer.transforms.Padding;
import org.equireg.regularizer.transforms.Transforms;

/**
 * Test accuracy of a model on the test images rotated (bilinear, zero padding) by each of
 * {@link #DEGREES}, the mean of the clockwise and counterclockwise turns, and the predictions for
 * the counterclockwise turns (for the report's digits).
 *
 * @param accuracy    accuracy at {@code DEGREES[k]}, mean of +-
 * @param predictions predicted class of each test image turned by {@code +DEGREES[k]}, {@code [k][image]}
 */
public record RotationAccuracy(double[] accuracy, int[][] predictions) {
    /** The angles of the robustness table. */
    public static final int[] DEGREES = {0, 15, 30, 45, 60, 90};
    private static final int CHUNK = 500;

    /** Measures {@code model} on {@code test}; no graph is recorded. */
    @SuppressWarnings("try") // the scope acts through its lifetime
    public static RotationAccuracy measure(Module model, MnistData test) {
        int[] labels = test.labelArray();
        double[] accuracy = new double[DEGREES.length];
        int[][] predictions = new int[DEGREES.length][];
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            for (int k = 0; k < DEGREES.length; k++) {
                predictions[k] = predict(model, test.images(), DEGREES[k]);
                double right = fraction(predictions[k], labels);
                if (DEGREES[k] != 0) {
                    right = (right + fraction(predict(model, test.images(), -DEGREES[k]), labels)) / 2;
                }
                accuracy[k] = right;
            }
        }
        return new RotationAccuracy(accuracy, predictions);
    }

    /** Accuracy on the upright test images only. */
    @SuppressWarnings("try")
    public static double upright(Module model, MnistData test) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            return fraction(predict(model, test.images(), 0), test.labelArray());
        }
    }

    private static int[] predict(Module model, Tensor images, int degrees) {
        int count = images.dim(0);
        int[] predicted = new int[count];
        for (int start = 0; start < count; start += CHUNK) {
            Tensor chunk = images.slice(0, start, Math.min(count, start + CHUNK));
            Tensor turned = degrees == 0 ? chunk : Transforms.rotate(Math.toRadians(degrees), Padding.ZEROS).apply(chunk);
            double[] classes = model.forward(turned).argmax(1).toArray();
            for (int i = 0; i < classes.length; i++) {
                predicted[start + i] = (int) classes[i];
            }
        }
        return predicted;
    }

    private static double fraction(int[] predicted, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += predicted[i] == labels[i] ? 1 : 0;
        }
        return (double) right / labels.length;
    }
}
