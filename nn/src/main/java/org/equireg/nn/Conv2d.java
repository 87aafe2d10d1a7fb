package org.equireg.nn;

import java.util.random.RandomGenerator;
import org.equireg.core.Arguments;
import org.equireg.core.Tensor;
import org.equireg.core.ops.Activation;
import org.equireg.core.ops.Conv2dActivation;

/**
 * 2-D convolution (cross-correlation) of (batch, inChannels, height, width) input to
 * (batch, outChannels, outHeight, outWidth), with {@code outHeight = (height + 2 padding -
 * dilation (kernel - 1) - 1) / stride + 1} (rounded down), likewise the width. Weight
 * (outChannels, inChannels / groups, kernel, kernel), bias (outChannels), initialised as PyTorch
 * does ({@link Init#layerDefaultsInPlace}: U(-1/sqrt(fanIn), 1/sqrt(fanIn)) with
 * fanIn = inChannels / groups * kernel^2). PyTorch: {@code torch.nn.Conv2d} with square kernels.
 */
public final class Conv2d extends Module {
    private final Tensor weight;
    private final Tensor bias;
    private final int stride;
    private final int padding;
    private final int dilation;
    private final int groups;

    /** A layer with bias, dilation 1 and one group, initialised from {@link Init#defaultRandom()}. */
    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding) {
        this(inChannels, outChannels, kernel, stride, padding, 1, 1, true, Init.defaultRandom());
    }

    /** A layer with every option, initialised from {@code random}. */
    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding, int dilation, int groups,
                  boolean withBias, RandomGenerator random) {
        if (inChannels < 1 || outChannels < 1 || kernel < 1 || stride < 1 || padding < 0 || dilation < 1 || groups < 1
                || inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException("Conv2d: needs positive channels, kernel, stride, dilation and groups, "
                    + "padding >= 0, and channels divisible by groups; got inChannels = " + inChannels + ", outChannels = "
                    + outChannels + ", kernel = " + kernel + ", stride = " + stride + ", padding = " + padding
                    + ", dilation = " + dilation + ", groups = " + groups);
        }
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.groups = groups;
        weight = registerParameter("weight", Tensor.zeros(outChannels, inChannels / groups, kernel, kernel));
        bias = withBias ? registerParameter("bias", Tensor.zeros(outChannels)) : null;
        Init.layerDefaultsInPlace(weight, bias, random);
    }

    /** The weight (outChannels, inChannels / groups, kernel, kernel), a live parameter. */
    public Tensor weight() {
        return weight;
    }

    /** The bias (outChannels), a live parameter, or {@code null} for a layer without bias. */
    public Tensor bias() {
        return bias;
    }

    @Override
    public Tensor forward(Tensor input) {
        Arguments.notNull(input, "Conv2d.forward", "input");
        return input.conv2d(weight, bias, stride, padding, dilation, groups);
    }

    /**
     * The layer and {@code activation} after it as one fused op, bit for bit
     * {@code activation(forward(input))} (how {@link Sequential} runs a Conv2d followed by ReLU, Tanh or Sigmoid).
     */
    Tensor forward(Tensor input, Activation activation) {
        Arguments.notNull(input, "Conv2d.forward", "input");
        return Conv2dActivation.apply(input, weight, bias, stride, padding, dilation, groups, activation);
    }

    @Override
    protected String extraRepr() {
        return weight.dim(1) * groups + ", " + weight.dim(0) + ", kernel_size=" + weight.dim(2) + ", stride=" + stride
                + ", padding=" + padding + (dilation != 1 ? ", dilation=" + dilation : "")
                + (groups != 1 ? ", groups=" + groups : "") + (bias == null ? ", bias=false" : "");
    }
}
