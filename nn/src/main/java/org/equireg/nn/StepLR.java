package org.equireg.nn;

/**
 * Multiplies the rate by {@code gamma} every {@code stepSize} epochs:
 * {@code rate(t) = base * gamma^floor(t / stepSize)}. PyTorch: {@code torch.optim.lr_scheduler.StepLR}.
 */
public final class StepLR extends LearningRateSchedule {
    private final int stepSize;
    private final double gamma;

    /** Decays by {@code gamma} (PyTorch's default is 0.1) every {@code stepSize} epochs. */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        if (stepSize < 1 || !(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("StepLR: needs stepSize >= 1 and finite gamma >= 0, got stepSize = "
                    + stepSize + ", gamma = " + gamma);
        }
        this.stepSize = stepSize;
        this.gamma = gamma;
    }

    @Override
    protected double rate(int epoch) {
        return baseRate() * Math.pow(gamma, epoch / stepSize);
    }
}
