package org.equireg.nn;

import java.util.Arrays;
import org.equireg.core.Arguments;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Normalisation over the trailing axes {@code normalizedShape} of each sample (Ba, Kiros and
 * Hinton, 2016): {@code y = (x - mean) / sqrt(var + eps) * weight + bias}, mean and biased var over
 * those axes, the same in training and evaluation. Parameters {@code weight} (ones) and
 * {@code bias} (zeros) of shape {@code normalizedShape}. PyTorch: {@code torch.nn.LayerNorm}.
 */
public final class LayerNorm extends Module {
    private final int[] normalizedShape;
    private final double eps;
    private final Tensor weight;
    private final Tensor bias;

    /** Normalises over trailing axes of these sizes, with eps 1e-5. */
    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5);
    }

    /** Normalises over trailing axes of these sizes, adding {@code eps} to the variance. */
    public LayerNorm(int[] normalizedShape, double eps) {
        if (normalizedShape.length == 0 || Arrays.stream(normalizedShape).anyMatch(size -> size < 1) || !(eps > 0)) {
            throw new IllegalArgumentException("LayerNorm: needs a non-empty normalizedShape of positive sizes and eps > 0, "
                    + "got " + Shapes.str(normalizedShape) + ", eps = " + eps);
        }
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        weight = registerParameter("weight", Tensor.ones(normalizedShape));
        bias = registerParameter("bias", Tensor.zeros(normalizedShape));
    }

    @Override
    public Tensor forward(Tensor input) {
        Arguments.notNull(input, "LayerNorm.forward", "input");
        int[] shape = input.shape();
        int leading = shape.length - normalizedShape.length;
        if (leading < 0 || !Arrays.equals(Arrays.copyOfRange(shape, leading, shape.length), normalizedShape)) {
            throw new IllegalArgumentException("LayerNorm: input shape " + Shapes.str(shape) + " does not end with "
                    + Shapes.str(normalizedShape));
        }
        int[] rows = Arrays.copyOf(shape, leading + 1);    // (..., normalized size)
        rows[leading] = Shapes.size(normalizedShape);
        Tensor x = input.reshape(rows);
        Tensor centered = x.sub(x.mean(-1, true));
        Tensor variance = centered.mul(centered).mean(-1, true);
        Tensor normalized = centered.div(variance.add(eps).sqrt()).reshape(shape);
        return normalized.mul(weight).add(bias);
    }

    @Override
    protected String extraRepr() {
        return "normalized_shape=" + Shapes.str(normalizedShape) + ", eps=" + eps;
    }
}
