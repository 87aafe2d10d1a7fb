package org.equireg.nn;

import java.util.List;
import org.equireg.core.Storage;
import org.equireg.core.Tensor;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, 2019), exactly as {@code torch.optim.AdamW}:
 * first {@code p = p (1 - lr weightDecay)}, then the {@link Adam} update without L2 term.
 * Buffers: {@code exp_avg} and {@code exp_avg_sq}.
 */
public final class AdamW extends Optimizer {
    private final Moments moments;
    private final double weightDecay;

    /** PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, weight decay 0.01. */
    public AdamW(List<Tensor> parameters, double learningRate) {
        this(parameters, learningRate, 0.9, 0.999, 1e-8, 0.01);
    }

    /** Every option. */
    public AdamW(List<Tensor> parameters, double learningRate, double beta1, double beta2, double eps,
                 double weightDecay) {
        super("AdamW", parameters, learningRate, Moments.STATE);
        this.moments = new Moments("AdamW", beta1, beta2, eps);
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("AdamW: needs weightDecay >= 0, got " + weightDecay);
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
        moments.step(parameter, gradient, 0, 1 - learningRate() * weightDecay, state, learningRate());
    }
}
