package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.ConvGeometry;
import org.equireg.core.kernels.Maps;

/**
 * A convolution with its bias and activation in one op: {@code y = act(conv2d(x, W) + b)}, act one
 * of {@link Activation}. The activation runs over the convolution's output buffer in place, right
 * after the kernel wrote it, so the layer makes one tensor and one graph node where the two ops make
 * two of each, and saves no pre-activation. Derivative: {@code G' = act'(G, y)} by the activation's
 * own backward primitive ({@code reluBackward}, {@code tanhBackward}, {@code sigmoidBackward}, read
 * from the output y), then the convolution's rule on G' ({@code conv2dBackwardInput},
 * {@code conv2dBackwardWeight}, {@code conv2dBackwardBias}). Every value, forward and backward, is
 * the one the two ops compute, bit for bit: the same kernels run on the same numbers in the same
 * order, and differentiating again goes through the same primitives.
 * PyTorch: {@code torch.relu(torch.nn.functional.conv2d(x, w, b))} (oneDNN's conv with a post-op).
 */
public final class Conv2dActivation {
    private Conv2dActivation() {
    }

    /**
     * Records {@code activation(x.conv2d(weight, bias, stride, padding, dilation, groups))} as one op;
     * {@code bias} may be null.
     */
    public static Tensor apply(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups,
                               Activation activation) {
        if (activation == null) {
            throw new IllegalArgumentException("conv2dActivation: activation is null");
        }
        Conv2d.Forward f = Conv2d.Forward.of(x, weight, bias, stride, padding, dilation, groups);
        Maps.unaryInPlace(activation.map(), f.values());
        int count = f.inputs().length;
        ConvGeometry g = f.geometry();
        return Tensor.fromOp(Op.CONV2D_ACTIVATION, f.values(), f.outShape(), (saved, grad) -> Conv2d.gradients(saved,
                activation.backward(grad, saved.output()), count, g, groups), f.inputs());
    }
}
