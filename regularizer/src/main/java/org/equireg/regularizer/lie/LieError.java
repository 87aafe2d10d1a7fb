package org.equireg.regularizer.lie;

import java.util.Locale;
import org.equireg.core.DType;
import org.equireg.core.Tensor;

/**
 * The size of a Lie derivative L f over a batch, in the two forms in use.
 * <ul>
 * <li>{@code meanSquaredNorm = mean_i ||L f(x_i)||^2}: the squared norm, the paper's local
 *     equivariance error and the quantity of its layerwise decomposition (a random probe z with
 *     {@code E[z z^T] = I} gives {@code E[(z . v)^2] = ||v||^2}, so per-layer contributions are
 *     estimated in this form); also the training term's, smooth at zero where |.| has a kink.</li>
 * <li>{@code meanAbsolute = mean_i mean_k |L f(x_i)_k|}: the mean absolute entry, what lie-deriv's
 *     end-to-end script reports ({@code errs.abs().mean(-1)} per image, on the softmax
 *     probabilities), in the units of the output and less dominated by a few large entries.</li>
 * </ul>
 * Both exist because the paper's equation and the published end-to-end numbers use different
 * ones; they are different numbers and need not rank models alike, so a report names its form.
 *
 * @param generator the generator's name
 * @param samples the batch size
 * @param meanAbsolute the mean over samples of the mean absolute entry of L f
 * @param meanAbsoluteStandardError its standard error over the batch (NaN for one sample)
 * @param meanSquaredNorm the mean over samples of the squared L2 norm of L f
 * @param meanSquaredNormStandardError its standard error over the batch (NaN for one sample)
 */
public record LieError(String generator, int samples, double meanAbsolute, double meanAbsoluteStandardError,
                       double meanSquaredNorm, double meanSquaredNormStandardError) {

    /** The two forms of {@code lieDerivative (batch, ...)}, with standard errors over the batch. */
    static LieError of(String generator, Tensor lieDerivative) {
        Tensor rows = lieDerivative.to(DType.FLOAT64).reshape(lieDerivative.dim(0), -1);
        double[] absolute = rows.abs().mean(1, false).toArray();
        double[] squared = rows.mul(rows).sum(1, false).toArray();
        return new LieError(generator, absolute.length, mean(absolute), standardError(absolute), mean(squared),
                standardError(squared));
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** The sample standard deviation over sqrt(count); NaN for fewer than two values. */
    static double standardError(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1) / values.length);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: mean |Lf| %.4e +- %.1e, mean ||Lf||^2 %.4e +- %.1e (%d samples)", generator,
                meanAbsolute, meanAbsoluteStandardError, meanSquaredNorm, meanSquaredNormStandardError, samples);
    }
}
