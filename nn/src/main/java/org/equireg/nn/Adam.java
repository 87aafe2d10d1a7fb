package org.equireg.nn;

import java.util.List;
import org.equireg.core.Storage;
import org.equireg.core.Tensor;

/**
 * Adam (Kingma and Ba, 2015) with optional L2 weight decay added to the gradient, exactly as
 * {@code torch.optim.Adam} (without amsgrad). Per element at step t, with g the gradient:
 * <pre>
 * g = g + weightDecay * p
 * m = beta1 m + (1 - beta1) g,   v = beta2 v + (1 - beta2) g^2
 * p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * Buffers: {@code exp_avg} (m) and {@code exp_avg_sq} (v). See {@link AdamW} for decoupled decay.
 */
public final class Adam extends Optimizer {
    private final Moments moments;
    private final double weightDecay;

    /** PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public Adam(List<Tensor> parameters, double learningRate) {
        this(parameters, learningRate, 0.9, 0.999, 1e-8, 0);
    }

    /** Every option. */
    public Adam(List<Tensor> parameters, double learningRate, double beta1, double beta2, double eps, double weightDecay) {
        super("Adam", parameters, learningRate, Moments.STATE);
        this.moments = new Moments("Adam", beta1, beta2, eps);
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("Adam: needs weightDecay >= 0, got " + weightDecay);
        }
        this.weightDecay = weightDecay;
    }

    /** Also refuses a negative {@code exp_avg_sq}. */
    @Override
    protected String invalidBuffer(String buffer, Tensor values) {
        String invalid = super.invalidBuffer(buffer, values);
        return invalid != null ? invalid : Moments.invalidBuffer(buffer, values);
    }

    @Override
    protected void update(Storage parameter, Storage gradient, ParameterState state) {
        moments.step(parameter, gradient, weightDecay, 1, state, learningRate());
    }
}
