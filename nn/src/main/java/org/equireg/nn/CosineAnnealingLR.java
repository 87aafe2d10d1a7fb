package org.equireg.nn;

/**
 * Half a cosine from the base rate down to {@code minimumRate} over {@code period} epochs
 * (Loshchilov and Hutter, 2017, SGDR without restarts), continuing as a cosine past the period:
 * {@code rate(t) = min + (base - min) (1 + cos(pi t / period)) / 2}. This is PyTorch's closed form
 * ({@code _get_closed_form_lr}); its recursive {@code step()} agrees up to rounding.
 * PyTorch: {@code torch.optim.lr_scheduler.CosineAnnealingLR}.
 */
public final class CosineAnnealingLR extends LearningRateSchedule {
    private final int period;
    private final double minimumRate;

    /** Anneals to {@code minimumRate} (PyTorch's {@code eta_min}) in {@code period} ({@code T_max}) epochs. */
    public CosineAnnealingLR(Optimizer optimizer, int period, double minimumRate) {
        super(optimizer);
        if (period < 1 || !(minimumRate >= 0)) {
            throw new IllegalArgumentException("CosineAnnealingLR: needs period >= 1 and minimumRate >= 0, got period = "
                    + period + ", minimumRate = " + minimumRate);
        }
        this.period = period;
        this.minimumRate = minimumRate;
    }

    @Override
    protected double rate(int epoch) {
        return minimumRate + (baseRate() - minimumRate) * (1 + Math.cos(Math.PI * epoch / period)) / 2;
    }
}
