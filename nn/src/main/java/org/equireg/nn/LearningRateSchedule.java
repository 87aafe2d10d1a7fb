package org.equireg.nn;

/**
 * Sets an optimizer's learning rate as a function of the epoch, like
 * {@code torch.optim.lr_scheduler}: construct it after the optimizer (whose current rate becomes
 * the base rate, epoch 0) and call {@link #step()} once per epoch, after the optimizer's steps.
 * Subclasses give the closed form {@link #rate(int)}, so the rate never drifts by accumulated
 * rounding and the schedule's only state is its epoch.
 */
public abstract class LearningRateSchedule {
    private final Optimizer optimizer;
    private final double baseRate;
    private int epoch;

    /** Starts at epoch 0 with the optimizer's current rate as the base rate. */
    protected LearningRateSchedule(Optimizer optimizer) {
        this.optimizer = optimizer;
        this.baseRate = optimizer.learningRate();
    }

    /** The learning rate at {@code epoch} (&gt;= 0). */
    protected abstract double rate(int epoch);

    /** The rate at epoch 0. */
    protected final double baseRate() {
        return baseRate;
    }

    /** Advances one epoch and sets the optimizer's learning rate for it. */
    public final void step() {
        setEpoch(epoch + 1);
    }

    /** Jumps to {@code epoch} (restoring a checkpoint, say) and sets the optimizer's learning rate for it. */
    public final void setEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".setEpoch: epoch " + epoch + " is negative");
        }
        this.epoch = epoch;
        optimizer.setLearningRate(rate(epoch));
    }

    /** The current epoch (0 before the first {@link #step()}). */
    public final int epoch() {
        return epoch;
    }
}
