package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/**
 * A dense layer with its bias and activation in one op: {@code y = act(x W^T + b)}, act one of
 * {@link Activation}. The activation runs over the product's output buffer in place, right after the
 * kernel wrote it, so the layer makes one tensor and one graph node where the two ops make two of
 * each, and saves no pre-activation. Derivative: {@code G' = act'(G, y)} by the activation's own
 * backward primitive ({@code reluBackward}, {@code tanhBackward}, {@code sigmoidBackward}, read from
 * the output y), then {@link Linear}'s rule on G': {@code dX = G' W}, {@code dW = G'^T X},
 * {@code db = sum over rows of G'}. Every value, forward and backward, is the one the two ops
 * compute, bit for bit, and differentiating again goes through the same primitives.
 * PyTorch: {@code torch.tanh(torch.nn.functional.linear(x, w, b))} (and relu, sigmoid).
 */
public final class LinearActivation {
    private LinearActivation() {
    }

    /** Records {@code activation(x.linear(weight, bias))} as one op; {@code bias} may be null. */
    public static Tensor apply(Tensor x, Tensor weight, Tensor bias, Activation activation) {
        if (activation == null) {
            throw new IllegalArgumentException("linearActivation: activation is null");
        }
        Linear.Forward f = Linear.Forward.of(x, weight, bias);
        Maps.unaryInPlace(activation.map(), f.values());
        int count = f.inputs().length;
        int[] xs = f.inputShape();
        int outFeatures = f.outFeatures();
        return Tensor.fromOp(Op.LINEAR_ACTIVATION, f.values(), f.outShape(), (saved, grad) -> Linear.gradients(saved,
                activation.backward(grad, saved.output()), count, xs, outFeatures), f.inputs());
    }
}
