package org.equireg.nn;

import java.util.List;
import org.equireg.core.Storage;
import org.equireg.core.Tensor;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight
 * decay, exactly as {@code torch.optim.SGD}. Per element, with g the gradient:
 * <pre>
 * d = g + weightDecay * p
 * b = d on the first step, else momentum * b + (1 - dampening) * d     (when momentum != 0)
 * d = nesterov ? d + momentum * b : b                                  (when momentum != 0)
 * p = p - lr * d
 * </pre>
 * Buffer: {@code momentum_buffer} (when momentum != 0).
 */
public final class SGD extends Optimizer {
    private final double momentum;
    private final double dampening;
    private final double weightDecay;
    private final boolean nesterov;

    /** Plain gradient descent. */
    public SGD(List<Tensor> parameters, double learningRate) {
        this(parameters, learningRate, 0, 0, 0, false);
    }

    /** Heavy-ball momentum without dampening. */
    public SGD(List<Tensor> parameters, double learningRate, double momentum) {
        this(parameters, learningRate, momentum, 0, 0, false);
    }

    /** Every option; Nesterov needs momentum &gt; 0 and no dampening (as in PyTorch). */
    public SGD(List<Tensor> parameters, double learningRate, double momentum, double dampening, double weightDecay,
               boolean nesterov) {
        super("SGD", parameters, learningRate, momentum != 0 ? new String[] {"momentum_buffer"} : new String[0]);
        if (!(momentum >= 0) || !Double.isFinite(dampening) || !(weightDecay >= 0)
                || nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("SGD: needs momentum >= 0, finite dampening, weightDecay >= 0, and for "
                    + "nesterov momentum > 0 with dampening 0; got momentum = " + momentum + ", dampening = " + dampening
                    + ", weightDecay = " + weightDecay + ", nesterov = " + nesterov);
        }
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
    }

    @Override
    protected void update(Storage parameter, Storage gradient, ParameterState state) {
        boolean first = !state.has("momentum_buffer");
        Storage buffer = momentum != 0 ? state.buffer("momentum_buffer") : null;
        double rate = learningRate();
        for (int i = 0; i < parameter.length(); i++) {
            double direction = gradient.get(i) + weightDecay * parameter.get(i);
            if (buffer != null) {
                buffer.set(i, first ? direction : momentum * buffer.get(i) + (1 - dampening) * direction);
                direction = nesterov ? direction + momentum * buffer.get(i) : buffer.get(i);
            }
            parameter.set(i, parameter.get(i) - rate * direction);
        }
    }
}
