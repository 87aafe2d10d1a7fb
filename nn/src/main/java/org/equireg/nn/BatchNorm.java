package org.equireg.nn;

import org.equireg.core.Shapes;
import org.equireg.core.Storage;
import org.equireg.core.Tensor;

/**
 * Batch normalisation over every axis but the channel axis 1 (Ioffe and Szegedy, 2015):
 * {@code y = (x - mean) / sqrt(var + eps) * weight + bias}, per channel.
 *
 * <p>In training mode mean and var are the batch statistics (var biased, dividing by n), and the
 * running statistics are updated in place as PyTorch does:
 * {@code running = (1 - momentum) running + momentum batch}, with the unbiased batch variance
 * (dividing by n - 1) for {@code running_var}; {@code num_batches_tracked} counts the updates. In
 * evaluation mode the running statistics are used. Parameters {@code weight} (ones) and
 * {@code bias} (zeros); buffers {@code running_mean} (zeros), {@code running_var} (ones) and
 * {@code num_batches_tracked} (a scalar): PyTorch's state-dict names.
 */
public abstract class BatchNorm extends Module {
    private final int channels;
    private final double eps;
    private final double momentum;
    private final Tensor weight;
    private final Tensor bias;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private final Tensor batchesTracked;

    BatchNorm(int channels, double eps, double momentum) {
        if (channels < 1 || !(eps > 0) || !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": needs channels >= 1, eps > 0 and "
                    + "0 <= momentum <= 1, got channels = " + channels + ", eps = " + eps + ", momentum = " + momentum);
        }
        this.channels = channels;
        this.eps = eps;
        this.momentum = momentum;
        weight = registerParameter("weight", Tensor.ones(channels));
        bias = registerParameter("bias", Tensor.zeros(channels));
        runningMean = registerBuffer("running_mean", Tensor.zeros(channels));
        runningVar = registerBuffer("running_var", Tensor.ones(channels));
        batchesTracked = registerBuffer("num_batches_tracked", Tensor.scalar(0));
    }

    /** Throws unless {@code input} has a rank this layer accepts. */
    abstract void checkRank(Tensor input);

    @Override
    public final Tensor forward(Tensor input) {
        if (input == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".forward: input is null");
        }
        checkRank(input);
        if (input.dim(1) != channels) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": expected " + channels
                    + " channels at axis 1, got input of shape " + Shapes.str(input.shape()));
        }
        int[] channelShape = new int[input.rank()];    // (1, channels, 1, ...)
        java.util.Arrays.fill(channelShape, 1);
        channelShape[1] = channels;
        Tensor normalized;
        if (isTraining()) {
            Tensor mean = meanOverBatch(input);
            Tensor centered = input.sub(mean);
            Tensor variance = meanOverBatch(centered.mul(centered));
            updateRunningStatistics(mean, variance, input.size() / channels);
            normalized = centered.div(variance.add(eps).sqrt());
        } else {
            Tensor mean = runningMean.reshape(channelShape);
            Tensor variance = runningVar.reshape(channelShape);
            normalized = input.sub(mean).div(variance.add(eps).sqrt());
        }
        return normalized.mul(weight.reshape(channelShape)).add(bias.reshape(channelShape));
    }

    /** Mean over every axis but 1, kept as size-1 axes: (1, channels, 1, ...). */
    private static Tensor meanOverBatch(Tensor x) {
        Tensor sum = x.sum(0, true);
        for (int axis = 2; axis < x.rank(); axis++) {
            sum = sum.sum(axis, true);
        }
        return sum.div(x.size() / x.dim(1));
    }

    private void updateRunningStatistics(Tensor batchMean, Tensor batchVariance, int perChannel) {
        if (perChannel < 2) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": training needs more than one value per "
                    + "channel to estimate a variance, got " + perChannel);
        }
        // each statistic computed in double, rounded when stored in float32 (the count exact to 2^24 there)
        Storage mean = batchMean.storage();
        Storage variance = batchVariance.storage();
        Storage runningMeanValues = runningMean.storage();
        Storage runningVarValues = runningVar.storage();
        double unbias = perChannel / (perChannel - 1.0);
        for (int c = 0; c < channels; c++) {
            runningMeanValues.set(c, (1 - momentum) * runningMeanValues.get(c) + momentum * mean.get(c));
            runningVarValues.set(c, (1 - momentum) * runningVarValues.get(c) + momentum * variance.get(c) * unbias);
        }
        Storage count = batchesTracked.storage();
        count.set(0, count.get(0) + 1);
        runningMean.bumpVersion();
        runningVar.bumpVersion();
        batchesTracked.bumpVersion();
    }

    /** Number of channels (features) normalised separately. */
    public final int channels() {
        return channels;
    }

    /** The running mean (channels), a live buffer. */
    public final Tensor runningMean() {
        return runningMean;
    }

    /** The running (unbiased) variance (channels), a live buffer. */
    public final Tensor runningVar() {
        return runningVar;
    }

    @Override
    protected final String extraRepr() {
        return channels + ", eps=" + eps + ", momentum=" + momentum;
    }
}
