package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.Maps;

/**
 * The activations that {@link Conv2dActivation} and {@link LinearActivation} apply to the layer's
 * output in the same op. Each has a derivative that needs only the activation's output y, so the
 * fused op saves no pre-activation: relu's mask {@code y > 0} is {@code z > 0} for the pre-activation z
 * (NaN fails both), tanh's is {@code 1 - y^2}, the sigmoid's {@code y (1 - y)}.
 */
public enum Activation {
    /** {@code max(z, 0)}; PyTorch {@code torch.nn.ReLU}. */
    RELU(Maps.Unary.RELU),
    /** {@code tanh(z)}; PyTorch {@code torch.nn.Tanh}. */
    TANH(Maps.Unary.TANH),
    /** {@code 1 / (1 + e^-z)}; PyTorch {@code torch.nn.Sigmoid}. */
    SIGMOID(Maps.Unary.SIGMOID);

    private final Maps.Unary map;

    Activation(Maps.Unary map) {
        this.map = map;
    }

    /** The elementwise map, the one {@link Tensor#relu}, {@link Tensor#tanh} or {@link Tensor#sigmoid} runs. */
    Maps.Unary map() {
        return map;
    }

    /**
     * The gradient of the pre-activation from the output's gradient and the output y: the same
     * backward primitive, on the same values, as the separate activation op records.
     */
    Tensor backward(Tensor grad, Tensor y) {
        return switch (this) {
            case RELU -> Relu.backward(grad, y);
            case TANH -> Tanh.backward(grad, y);
            case SIGMOID -> Sigmoid.backward(grad, y);
        };
    }
}
